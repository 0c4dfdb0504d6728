// CJS consumer: resolves the package's "require" condition (.cjs + .d.cts) and runs
// against a server that implements the spec (the kit's mock behind node:http), configured the
// way a deployed app is: by the environment (LEADCONDUIT_BASE_URL, LEADCONDUIT_API_KEY).
import lc = require("leadconduit-client");

import type { InvitationResponse } from "leadconduit-client";

const client = lc.createLeadConduitClient({ maxRetries: 0 });

// Never called: it exists for tsc, which must report the wrong property name here.
function wrongCall() {
  // @ts-expect-error `mail` is not a property of InvitationRequest
  return client.invitations.createRecipient({ mail: "x" });
}
void wrongCall;

async function main(): Promise<void> {
  const res: InvitationResponse = await client.invitations.createRecipient({ email: "mike.jones@example.com" });
  if (res.message !== "Invitation was sent successfully") throw new Error(`unexpected message ${res.message}`);
  const refused = await client.invitations.createRecipient({ email: "not an email" }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(refused instanceof lc.ValidationError)) throw new Error("a bad email was not refused with ValidationError");
  if (refused instanceof lc.APIError) throw new Error("a client-side refusal is an APIError");
  const resolved = require.resolve("leadconduit-client");
  if (!resolved.endsWith("/dist/index.cjs")) throw new Error(`CJS resolved ${resolved}`);
  const spec = require("leadconduit-client/openapi.json") as { openapi: string };
  if (!spec.openapi.startsWith("3.1")) throw new Error(`openapi.json is OpenAPI ${spec.openapi}`);
  console.log(`cjs ok: ${res.message} / ${res.entity.name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
