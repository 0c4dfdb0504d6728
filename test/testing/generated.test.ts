// generated/testing.js is the spec as the kit reads it: every operation with its method, path,
// security, body and documented responses (first examples), and checks that agree with Ajv
// compiled from the spec file. (That the committed file is what the spec produces is the drift
// check's job: npm run check:generated.)
import { describe, expect, it } from "vitest";
import { firstExample } from "../../contract-tests/lib/spec.ts";
import { operations, schemas, servers } from "../../generated/testing.js";
import { dependencyOrder } from "../../scripts/lib/generate/standalone.ts";
import { schemaErrors, spec } from "../support/kit.ts";

describe("generated/testing.js", () => {
  it("holds every operation of the spec as the spec states it", () => {
    expect(Object.keys(operations).sort()).toEqual(spec.operations.map((o) => o.operationId).sort());
    for (const op of spec.operations) {
      const generated = operations[op.operationId as keyof typeof operations];
      expect(generated).toMatchObject({ method: op.method, path: op.path, secured: true });
      expect(Object.keys(generated.pathParams)).toEqual(op.pathParams.map((p) => p.name));
      expect(generated.body && { required: generated.body.required, contentType: generated.body.contentType }).toEqual(
        op.body && { required: op.body.required, contentType: op.body.contentType },
      );
      expect(Object.keys(generated.responses)).toEqual(op.responses.map((r) => r.status));
      for (const response of op.responses) {
        expect(generated.responses[response.status]?.example).toEqual(firstExample(response));
      }
    }
    expect(servers).toEqual((spec.document.servers as { url: string }[]).map((s) => s.url));
  });

  it("checks each component schema as Ajv compiled from the spec does, on valid and broken values", () => {
    const entity = (firstExample(spec.operations[0]!.responses[0]!) as { entity: Record<string, unknown> }).entity;
    const samples: [keyof typeof schemas, unknown][] = [
      ["Entity", entity],
      ["Entity", { ...entity, id: "nope", source: "x", created_at: "2024-02-30T00:00:00Z" }],
      ["Entity", { ...entity, logo_url: "not a uri", field_suffix: "ab" }],
      ["InvitationRequest", { email: "a@example.com" }],
      ["InvitationRequest", { email: "a@b", extra: 1 }],
      ["ErrorEnvelope", { error: 1 }],
      ["BsonId", "64b8f0f5e4b0c3a1d5e6f7a8"],
      ["BsonId", "64b8f0f5e4b0c3a1d5e6f7a"],
    ];
    for (const [name, value] of samples) {
      const validate = schemas[name];
      expect(validate(value), `${name} ${JSON.stringify(value)}`).toBe(schemaErrors(name, value).length === 0);
    }
  });
});

describe("dependencyOrder", () => {
  const ref = (name: string) => ({ $ref: `leadconduit.json#/$defs/${name}` });
  it("puts each component after those it refers to, otherwise in the spec's order", () => {
    expect(dependencyOrder({ A: { properties: { b: ref("B") } }, B: { items: ref("C") }, C: {}, D: {} })).toEqual([
      "C",
      "B",
      "A",
      "D",
    ]);
  });
  it("lists recursive components once each", () => {
    expect(dependencyOrder({ A: ref("B"), B: { items: [ref("A"), ref("B")] } })).toEqual(["B", "A"]);
  });
});
