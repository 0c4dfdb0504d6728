// The typed methods' signatures are derived from generated/ by operationId, not declared by
// hand: in a scratch copy of src/ and generated/, pointing resendInvitation's 200 at another
// schema and regenerating the types changes what `resend` resolves to, and nothing else.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { generateTypes } from "../../scripts/lib/generate/index.ts";
import { typeErrorsOf } from "../support/typescript.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "lc-types-"));
  for (const dir of ["src", "generated"]) cpSync(join(ROOT, dir), join(scratch, dir), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Regenerates generated/leadconduit.ts in the scratch copy from `spec`, as `npm run generate` does. */
async function regenerate(spec: unknown) {
  writeFileSync(join(scratch, "spec.yaml"), stringify(spec));
  const types = await generateTypes(pathToFileURL(join(scratch, "spec.yaml")));
  writeFileSync(join(scratch, "generated", "leadconduit.ts"), types);
}

/** Type errors of a probe module compiled against the scratch copy, as src/ is compiled. */
function typeErrors(probe: string): string[] {
  const file = join(scratch, "probe.ts");
  writeFileSync(file, probe);
  return typeErrorsOf(scratch, file);
}

const probe = (resendResolvesTo: string) => `
import type { createLeadConduitClient } from "./src/client/index.ts";
import type { components } from "./generated/leadconduit.ts";
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Client = ReturnType<typeof createLeadConduitClient>;
type Resend = Awaited<ReturnType<Client["invitations"]["resend"]>>;
type Create = Awaited<ReturnType<Client["invitations"]["createRecipient"]>>;
export const resend: Equal<Resend, ${resendResolvesTo}> = true;
export const create: Equal<Create, components["schemas"]["InvitationResponse"]> = true;
`;

describe("typed methods follow the spec", () => {
  const spec = parse(readFileSync(join(ROOT, "spec", "leadconduit.yaml"), "utf8"));

  it("as the spec is: resend resolves to an InvitationResponse", async () => {
    await regenerate(spec);
    expect(typeErrors(probe('components["schemas"]["InvitationResponse"]'))).toEqual([]);
    expect(typeErrors(probe('components["schemas"]["ErrorEnvelope"]'))).not.toEqual([]);
  }, 60_000);

  it("after pointing resendInvitation's 200 at ErrorEnvelope: resend resolves to an ErrorEnvelope", async () => {
    const changed = structuredClone(spec);
    changed.paths["/invitations/{entityId}/resend"].put.responses["200"].content["application/json"] = {
      schema: { $ref: "#/components/schemas/ErrorEnvelope" },
    };
    await regenerate(changed);
    expect(typeErrors(probe('components["schemas"]["ErrorEnvelope"]'))).toEqual([]);
    expect(typeErrors(probe('components["schemas"]["InvitationResponse"]'))).not.toEqual([]);
  }, 60_000);
});

describe("an enum the spec marks open (x-leadconduit-open-enum)", () => {
  const spec = parse(readFileSync(join(ROOT, "spec", "leadconduit.yaml"), "utf8"));
  const entity = (s: typeof spec) => s.components.schemas.Entity.properties;
  // a value added upstream, the known ones, and what is no string at all
  const enumProbe = (field: string) => `
import type { Entity } from "./src/client/index.ts";
export const added: Entity["${field}"] = "a-kind-added-later";
export const known: Entity["${field}"] = ${JSON.stringify(entity(spec)[field].enum[0])};
// @ts-expect-error: a number is no value of it, open or not
export const wrong: Entity["${field}"] = 5;
`;

  it("is typed Known | (string & {}): the known values, and any string beside them", async () => {
    await regenerate(spec);
    const text = readFileSync(join(scratch, "generated", "leadconduit.ts"), "utf8");
    for (const field of ["source", "recipient"]) {
      expect(entity(spec)[field]["x-leadconduit-open-enum"], field).toBe(true);
      const values: unknown[] = entity(spec)[field].enum;
      const known = values.map((v) => JSON.stringify(v)).join(" | ");
      expect(text).toContain(`${field}: ${known} | (string & {});`);
      expect(typeErrors(enumProbe(field)), field).toEqual([]);
    }
  }, 60_000);

  it("stays closed without the mark: a value the spec does not list is a type error", async () => {
    await regenerate(spec);
    expect(entity(spec).connected["x-leadconduit-open-enum"]).toBeUndefined();
    expect(typeErrors(enumProbe("connected"))).toEqual([
      expect.stringMatching(/Type '"a-kind-added-later"' is not assignable to type/),
    ]);
    const marked = structuredClone(spec);
    entity(marked).connected["x-leadconduit-open-enum"] = true;
    await regenerate(marked);
    expect(typeErrors(enumProbe("connected"))).toEqual([]);
  }, 60_000);
});
