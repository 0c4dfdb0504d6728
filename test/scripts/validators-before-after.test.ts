// Temporary, while the generator of generated/validators.js changes: the validators as they were
// (generated/validators.js at the commit the change started from) and as they are now answer every
// case alike: the verdict, and each error's path, keyword, message and named property, in order.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spec } from "../../contract-tests/lib/spec.ts";
import * as now from "../../generated/validators.js";
import { answerOf, type CheckCase, mutants, validatorCases } from "../support/validator-cases.ts";

const BEFORE = "6ff8b0a";
type Validate = Parameters<typeof answerOf>[0];
// biome-ignore lint/suspicious/noExplicitAny: the generated modules before and after, read alike
type Module = Record<string, any>;

let dir: string;
let before: Module;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lc-validators-before-"));
  const file = join(dir, "validators.mjs");
  writeFileSync(file, execFileSync("git", ["show", `${BEFORE}:generated/validators.js`], { encoding: "utf8" }));
  before = await import(pathToFileURL(file).href);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkOf(module: Module, c: CheckCase): Validate {
  const op = module.operations[c.operationId];
  const [kind, name] = c.check.split(".") as [string, string | undefined];
  if (kind === "path") return op.pathParams[name!];
  if (kind === "query") return op.queryParams[name!];
  if (kind === "success") return module.success?.[c.operationId] ?? op.success;
  return op[kind];
}

describe("the validators before and after", () => {
  const cases = validatorCases(spec);
  it(`answer ${cases.length} cases alike`, () => {
    let failed = 0;
    for (const c of cases) {
      const was = answerOf(checkOf(before, c), c.value);
      const is = answerOf(checkOf(now as Module, c), c.value);
      expect(is, `${c.operationId}.${c.check}: ${c.label}`).toEqual(was);
      if (!was.ok) failed++;
    }
    // the cases are no use if they all pass
    expect(failed).toBeGreaterThan(cases.length / 2);
  });
});

describe("the kit's checks (generated/testing.js) before and after", () => {
  let kitBefore: Module;
  beforeAll(async () => {
    const file = join(dir, "testing.mjs");
    writeFileSync(file, execFileSync("git", ["show", `${BEFORE}:generated/testing.js`], { encoding: "utf8" }));
    kitBefore = await import(pathToFileURL(file).href);
  });

  it("answer alike, every field of every error (the kit keeps them all)", { timeout: 120_000 }, async () => {
    const kitNow = (await import("../../generated/testing.js")) as Module;
    const checks: [string, (m: Module) => Validate, unknown[]][] = [];
    for (const op of spec.operations) {
      const id = op.operationId;
      if (op.body) checks.push([`${id} body`, (m) => m.operations[id].body.validate, Object.values(op.body.examples)]);
      for (const p of op.pathParams)
        checks.push([`${id} ${p.name}`, (m) => m.operations[id].pathParams[p.name], [p.example]]);
      for (const r of op.responses) {
        const examples = Object.values(r.examples["application/json"] ?? {});
        if (examples.length)
          checks.push([`${id} ${r.status}`, (m) => m.operations[id].responses[r.status].validate, examples]);
      }
    }
    for (const name of Object.keys(kitBefore.schemas)) checks.push([name, (m) => m.schemas[name], []]);
    const everyCase = validatorCases(spec).map((c) => c.value);
    let count = 0;
    for (const [name, pick, examples] of checks) {
      const values = [...examples.flatMap((e) => mutants(e).map((m) => m.value)), ...everyCase];
      for (const value of values) {
        const was = pick(kitBefore)(value);
        const wasErrors = structuredClone(pick(kitBefore).errors);
        expect(pick(kitNow)(value), `${name}: ${JSON.stringify(value)}`).toBe(was);
        expect(pick(kitNow).errors, `${name}: ${JSON.stringify(value)}`).toEqual(wasErrors);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});
