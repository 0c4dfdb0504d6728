// The client's validators (generated/validators.js, Ajv's standalone code trimmed to what the
// client reads) answer as Ajv itself does, compiled at run time from the spec with the client's
// formats: on each check's documented example and on thousands of ways of breaking it
// (test/support/validator-cases.ts), the same verdict, and the same errors in the same order,
// each with its path, keyword, message and, for required and additionalProperties, the property it
// names; and they ship nothing more of an error than that.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
import {
  createSpecAjv,
  jsonSchemaOf,
  type OperationSpec,
  spec,
  successResponse,
} from "../../contract-tests/lib/spec.ts";
import { type OperationId, operations } from "../../generated/validators.js";
import { shapeDocument, toShape } from "../../scripts/lib/generate/validators.ts";
import { answerOf, type CheckCase, validatorCases } from "../support/validator-cases.ts";

// The client's formats: ajv-formats' fast date-time and uri ("fast" below), its full email
const ajv = createSpecAjv(spec, {}, "fast").addFormat("email", fullFormats.email);
ajv.addSchema(shapeDocument(spec.schemaDocument));

const operationOf = (id: string) => spec.operations.find((o) => o.operationId === id) as OperationSpec;

/** The schema a generated check stands for, as the spec states it. */
function schemaOf(c: CheckCase): object {
  const op = operationOf(c.operationId);
  const [kind, name] = c.check.split(".") as [string, string | undefined];
  if (kind === "body") return op.body!.schema;
  if (kind === "path") return op.pathParams.find((p) => p.name === name)!.schema;
  if (kind === "query") return op.queryParams.find((p) => p.name === name)!.schema;
  const content = jsonSchemaOf(successResponse(op));
  return kind === "shape" ? toShape(content) : content;
}

type Check = Parameters<typeof answerOf>[0];
function generated(c: CheckCase): Check {
  const op = operations[c.operationId as OperationId];
  const [kind, name] = c.check.split(".") as [string, string | undefined];
  if (kind === "path") return op.pathParams[name!]!;
  if (kind === "query") return op.queryParams[name!]!;
  return op[kind as "body" | "shape" | "success"]!;
}

const cases = validatorCases(spec);
const compiled = new Map<string, Check>();
const oracle = (c: CheckCase): Check => {
  const key = `${c.operationId}.${c.check}`;
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schemaOf(c)));
  return compiled.get(key)!;
};

describe("the client's generated validators", () => {
  it(`answer ${cases.length} cases as Ajv compiled from the spec does`, () => {
    let refused = 0;
    for (const c of cases) {
      const expected = answerOf(oracle(c), c.value);
      expect(answerOf(generated(c), c.value), `${c.operationId}.${c.check}: ${c.label}`).toEqual(expected);
      if (!expected.ok) refused++;
    }
    // cases that all passed (or all failed) would prove nothing
    expect(refused).toBeGreaterThan(cases.length / 2);
    expect(refused).toBeLessThan(cases.length);
  });

  it("cover every check of every operation of the spec", () => {
    const checks = new Set(cases.map((c) => `${c.operationId}.${c.check}`));
    for (const op of spec.operations) {
      const id = op.operationId;
      const names = [
        ...(op.body ? ["body"] : []),
        ...op.pathParams.map((p) => `path.${p.name}`),
        ...op.queryParams.map((p) => `query.${p.name}`),
        ...(successResponse(op).content["application/json"] ? ["shape", "success"] : []),
      ];
      for (const name of names) expect(checks, `${id}.${name}`).toContain(`${id}.${name}`);
    }
  });

  it("keep of an error its path, keyword and message, and the property a required or additionalProperties error names", () => {
    const shapes = new Set<string>();
    for (const c of cases) {
      const check = generated(c);
      if (check(c.value)) continue;
      for (const error of check.errors ?? []) shapes.add(`${error.keyword}: ${Object.keys(error).join(", ")}`);
    }
    for (const shape of shapes) {
      const keyword = shape.split(":")[0];
      const params = keyword === "required" || keyword === "additionalProperties" ? ", params" : "";
      expect(shape).toBe(`${keyword}: instancePath, keyword${params}, message`);
    }
    expect([...shapes].map((s) => s.split(":")[0])).toEqual(
      expect.arrayContaining(["required", "additionalProperties", "type", "format", "pattern", "enum", "maxLength"]),
    );
  });

  it("check formats as the client means to: date-time and uri by ajv-formats' fast rules, email by its full one", () => {
    const entity = (change: object) => ({
      message: "m",
      entity: { id: "64b8f0f5e4b0c3a1d5e6f7a8", name: "n", module_ids: [], source: null, recipient: null, ...change },
    });
    const success = operations.createRecipientInvitation.success!;
    expect(success(entity({ created_at: "2024-02-30T00:00:00Z" }))).toBe(true); // a day the full rule refuses
    expect(success(entity({ created_at: "2024-01-01 00:00:00" }))).toBe(false);
    expect(success(entity({ website: "a:b" }))).toBe(true); // a URI to the fast rule only
    expect(success(entity({ website: "no scheme" }))).toBe(false);
    const body = operations.createRecipientInvitation.body!;
    expect(body({ email: "a..b@example.com" })).toBe(false); // the fast rule would pass it
    expect(body({ email: "mike.jones@example.com" })).toBe(true);
  });
});
