// A spec change is one edit and one command: in a scratch copy of the repository, the spec gets a
// new GET operation with a path and a query parameter, a new documented error status, a new
// optional Entity field and a new enum value; `npm run generate` runs there, and what derives is
// checked without running the suite twice: the typed method and its types, the kit's route, the
// contract suite's valid call and refusal cases, the coverage rows, the reference page and the
// docs' list of methods. Nothing but the spec is edited.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { methods } from "../../generated/api.js";
import { run } from "../support/package/process.ts";
import { typeErrorsOf } from "../support/typescript.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** What `npm run generate` reads and writes, and what the checks below import. */
const COPIED = [
  "spec",
  "generated",
  "src",
  "contract-tests",
  "scripts",
  "docs",
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  "package.json",
  "tsconfig.base.json",
  "tsconfig.json",
  "redocly.yaml",
];

/** A spec as YAML parses it: walked by key, as a maintainer's editor would. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, navigated by known keys
type Yaml = Record<string, any>;

/**
 * The names the change adds, free in the spec as it stands: the first of getInvitation (typed
 * method invitations.get, GET /invitations/{entityId}), showInvitation (…show, …/summary), …
 * that no operation, typed method or path has yet, and a field and an enum value the entity lacks,
 * so the test holds after a maintainer has added any of them.
 */
function freeNames(spec: Yaml) {
  const opIds = new Set(
    Object.values(spec.paths).flatMap((item) => Object.values(item as Yaml).map((o) => o?.operationId)),
  );
  const taken = new Set(Object.keys(methods.invitations));
  const [verb, path] = VERBS.find(
    ([v, p]) => !opIds.has(`${v}Invitation`) && !taken.has(v) && spec.paths[p] === undefined,
  )!;
  const entity = spec.components.schemas.Entity;
  const free = (names: string[], has: (name: string) => boolean) => names.find((name) => !has(name))!;
  return {
    operationId: `${verb}Invitation`,
    method: verb,
    path,
    field: free(["region", "territory", "market"], (name) => name in entity.properties),
    source: free(["api", "sdk", "webhook"], (name) => entity.properties.source.enum.includes(name)),
  };
}
const VERBS = [
  ["get", "/invitations/{entityId}"],
  ["show", "/invitations/{entityId}/summary"],
  ["read", "/invitations/{entityId}/record"],
  ["lookup", "/invitations/{entityId}/details"],
] as const;

const {
  operationId: OP,
  method: METHOD,
  path: PATH,
  field: FIELD,
  source: SOURCE,
} = freeNames(parse(readFileSync(join(ROOT, "spec", "leadconduit.yaml"), "utf8")));

/** The change a maintainer makes: the spec, edited as YAML, and nothing else. */
function changeSpec(spec: Yaml): void {
  const entityPath = spec.paths["/invitations/{entityId}/resend"].put.parameters[0];
  spec.paths[PATH] = {
    get: {
      operationId: OP,
      tags: ["Invitations"],
      summary: "Get an invitation",
      description: "Returns the entity an invitation belongs to.",
      parameters: [
        entityPath,
        {
          name: "include",
          in: "query",
          required: false,
          description: "Related records to embed.",
          schema: { type: "string", enum: ["flows", "modules"] },
          example: "flows",
        },
      ],
      responses: {
        "200": spec.paths["/invitations/{entityId}/resend"].put.responses["200"],
        "401": { $ref: "#/components/responses/Unauthorized" },
        "404": {
          description: "No entity has this id.",
          content: {
            "application/json": {
              schema: { $ref: "#/components/schemas/ErrorEnvelope" },
              examples: { notFound: { value: { error: "not found" } } },
            },
          },
        },
      },
    },
  };
  const entity = spec.components.schemas.Entity;
  entity.properties[FIELD] = { type: "string", description: "Where the entity does business." };
  entity.properties.source.enum.splice(-1, 0, SOURCE);
}

let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "lc-derive-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"), "dir");
  const file = join(scratch, "spec", "leadconduit.yaml");
  const spec = parse(readFileSync(file, "utf8"));
  changeSpec(spec);
  writeFileSync(file, stringify(spec, { lineWidth: 0 }));
  // the change is one a maintainer could land: it lints clean, then one command regenerates
  await run(process.execPath, [join(ROOT, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint"], {
    cwd: scratch,
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
  await run(process.execPath, ["--import", "tsx", "scripts/generate.ts"], { cwd: scratch, timeoutMs: 120_000 });
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a module of the scratch copy says, run there (its own generated/ and src/). */
async function probe(code: string): Promise<Yaml> {
  const file = join(scratch, `probe-${++probes}.ts`);
  writeFileSync(file, code);
  // its own module graph: the scratch copy's src/, generated/ and contract-tests/, not this repository's
  return (await import(file)).result;
}
let probes = 0;

/** Type errors of a module compiled in the scratch copy as src/ is compiled. */
function typeErrors(code: string): string[] {
  const file = join(scratch, "types-probe.ts");
  writeFileSync(file, code);
  return typeErrorsOf(scratch, file);
}

describe("after one edit of the spec and npm run generate", () => {
  it("the client has a typed, documented method for the new operation, by the naming rule", () => {
    const dts = readFileSync(join(scratch, "generated", "api.d.ts"), "utf8");
    // the declaration as one line: the test holds whatever the generator's line breaks
    expect(dts.replace(/\s+/g, " ")).toContain(
      `readonly ${METHOD}: { readonly operationId: "${OP}"; readonly args: [entityId: PathParameter<"${OP}", "entityId">, query?: QueryParameters<"${OP}">]; };`,
    );
    expect(dts).toContain(`Get an invitation: \`GET ${PATH}\``);
    expect(dts).toMatch(/@throws \{NotFoundError\} 404: No entity has this id\./);
    const ok = `
      import { createLeadConduitClient, type Entity } from "./src/client/index.ts";
      const lc = createLeadConduitClient({ apiKey: "k" });
      export const got: Promise<{ message: string; entity: Entity }> = lc.invitations.${METHOD}("5fd4371e940df5a34a3888b2", { include: "flows" });
      export const bare = lc.invitations.${METHOD}("5fd4371e940df5a34a3888b2");
      export const region: string | undefined = ({} as Entity).${FIELD};
      export const source: Entity["source"] = "${SOURCE}";`;
    expect(typeErrors(ok)).toEqual([]);
    const wrong = `
      import { createLeadConduitClient } from "./src/client/index.ts";
      const lc = createLeadConduitClient({ apiKey: "k" });
      export const got = lc.invitations.${METHOD}("5fd4371e940df5a34a3888b2", { include: "everything" });`;
    expect(typeErrors(wrong).join("\n")).toMatch(/"everything"/);
  }, 60_000);

  it("the client sends it, and the kit answers it on its route, refusing a query the spec refuses", async () => {
    const result = await probe(`
      import { createLeadConduitClient } from "./src/client/index.ts";
      import { createLeadConduitMock } from "./src/testing/index.ts";
      const mock = createLeadConduitMock({ apiKey: "k" });
      const lc = createLeadConduitClient({ apiKey: "k", fetch: mock.fetch, maxRetries: 0 });
      const got = await lc.invitations.${METHOD}("5fd4371e940df5a34a3888b2", { include: "flows" });
      const refused = await mock.fetch("${PATH.replace("{entityId}", "5fd4371e940df5a34a3888b2")}?include=everything", { headers: { authorization: "Basic " + btoa("API:k") } });
      export const result = { id: got.entity.id, call: mock.calls[0], refused: refused.status, violations: mock.violations.map((v) => v.path) };`);
    expect(result.id).toBe("5fd4371e940df5a34a3888b2");
    expect(result.call).toMatchObject({
      operationId: OP,
      method: "GET",
      path: PATH.replace("{entityId}", "5fd4371e940df5a34a3888b2"),
    });
    expect(result.refused).toBe(422);
    expect(result.violations).toContain("query/include");
  }, 60_000);

  it("the contract suite has a valid call and the refusal cases of the new operation, and coverage rows for its statuses", async () => {
    const result = await probe(`
      import { spec, operationOf } from "./contract-tests/lib/spec.ts";
      import { refusalCases, validCase } from "./contract-tests/lib/requests.ts";
      import { buildCoverage } from "./src/gate/report/coverage.ts";
      const op = operationOf(spec, "${OP}");
      const coverage = buildCoverage(spec, [], { targets: ["prism", "mock"] });
      export const result = {
        valid: validCase(op),
        refusals: refusalCases(op).map((c) => c.name),
        rows: coverage.rows.filter((r) => r.operationId === "${OP}").map((r) => r.status),
      };`);
    expect(result.valid).toMatchObject({ expected: 200, credentials: "key" });
    expect(result.valid.body).toBeUndefined();
    expect(result.refusals).toEqual(expect.arrayContaining(["no credentials", "entityId breaking its pattern"]));
    expect(result.rows).toEqual([200, 401, 404]);
  }, 60_000);

  it("the reference page and the docs' list of methods show it", async () => {
    const bundled = JSON.parse(readFileSync(join(scratch, "generated", "openapi.json"), "utf8"));
    expect(bundled.paths[PATH].get.operationId).toBe(OP);
    expect(readFileSync(join(scratch, "README.md"), "utf8")).toContain(
      `| \`lc.invitations.${METHOD}(entityId, query?)\` | \`GET ${PATH}\` | Get an invitation |`,
    );
    expect(existsSync(join(scratch, "generated", "testing.js"))).toBe(true);
    expect(readFileSync(join(scratch, "generated", "testing.js"), "utf8")).toContain(`${OP}: {\n    method: "GET"`);
  });
});
