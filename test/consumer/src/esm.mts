// ESM consumer: resolves the package's "import" condition (.mjs + .d.mts) and runs
// against a server that implements the spec (the kit's mock behind node:http), configured the
// way a deployed app is: by the environment (LEADCONDUIT_BASE_URL, LEADCONDUIT_API_KEY).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  APIError,
  createLeadConduitClient,
  type Entity,
  type InvitationResponse,
  LeadConduitError,
  UnprocessableEntityError,
} from "leadconduit-client";

const lc = createLeadConduitClient({ maxRetries: 0 });

const res: InvitationResponse = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
// required by the spec, so no `?.` and no guard before resend
const entity: Entity = res.entity;
const resent = await lc.invitations.resend(entity.id);
if (resent.message !== "Invitation was sent successfully") throw new Error(`unexpected message ${resent.message}`);
if (entity.name !== "A Corporation") throw new Error(`unexpected entity.name ${entity.name}`);

// A server 422 is an APIError carrying the server's violations (raw sends what the client would refuse).
const { response } = await lc.raw.POST("/invitations/recipient", {
  body: { email: "not an address" },
});
if (response.status !== 422) throw new Error(`the server answered ${response.status}`);
const refused = await lc.invitations
  .createRecipient({ email: "not an address" }, { validateRequests: false })
  .catch((error: unknown) => error);
if (!(refused instanceof UnprocessableEntityError) || !(refused instanceof APIError)) {
  throw new Error(`a server 422 was ${String(refused)}`);
}
if (!refused.violations.some((v) => v.path === "body/email")) throw new Error("the 422's violations were lost");

// Never called: it exists for tsc, which must report the wrong property name here.
export function wrongCall() {
  // @ts-expect-error `mail` is not a property of InvitationRequest
  return lc.invitations.createRecipient({ mail: "x" });
}

// The spec the client was built from ships with it.
const specUrl = import.meta.resolve("leadconduit-client/openapi.json");
const spec = JSON.parse(readFileSync(fileURLToPath(specUrl), "utf8")) as { info: { title: string } };
if (spec.info.title !== "LeadConduit Invitations API") throw new Error(`openapi.json says ${spec.info.title}`);

const resolved = import.meta.resolve("leadconduit-client");
if (!resolved.endsWith("/dist/index.mjs")) throw new Error(`ESM resolved ${resolved}`);
if (!(new LeadConduitError("x") instanceof Error)) throw new Error("LeadConduitError is not an Error");
console.log(
  `esm ok: ${res.message} / ${entity.name}, resent ${entity.id}, 422 with ${refused.violations.length} violation(s)`,
);
