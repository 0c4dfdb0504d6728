// What a live run's valid call sends, read from the spec: the example body with the run's address
// wherever the schema marks an email (through $ref, allOf and arrays), the required query.
import { describe, expect, it } from "vitest";
import { sendsEmail, validBody, validQuery } from "../../src/gate/live/valid-request.ts";
import { atPointer, type JsonObject, specFromDocument } from "../../src/gate/spec-model.ts";

const RUN = "run@example.com";

function specWith(operation: JsonObject, schemas: JsonObject = {}) {
  return specFromDocument({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/things": { post: { operationId: "make", responses: { "204": { description: "made" } }, ...operation } },
    },
    components: { schemas },
  });
}
const bodyOf = (schema: JsonObject, example: JsonObject) => ({
  requestBody: { required: true, content: { "application/json": { schema, examples: { one: { value: example } } } } },
});

describe("a valid call's body", () => {
  it("is the spec's example, with every address the schema marks email the run's, through $ref, allOf and arrays", () => {
    const spec = specWith(
      bodyOf(
        { $ref: "#/components/schemas/Batch" },
        { to: "a@example.com", cc: ["b@example.com"], owner: { email: "c@example.com", name: "d@example.com" } },
      ),
      {
        Address: { type: "string", format: "email" },
        Person: {
          type: "object",
          properties: { email: { $ref: "#/components/schemas/Address" }, name: { type: "string" } },
        },
        Batch: {
          allOf: [
            { type: "object", properties: { to: { $ref: "#/components/schemas/Address" } } },
            {
              type: "object",
              properties: {
                cc: { type: "array", items: { $ref: "#/components/schemas/Address" } },
                owner: { $ref: "#/components/schemas/Person" },
              },
            },
          ],
        },
      },
    );
    const op = spec.operations[0]!;
    expect(validBody(spec, op, RUN)).toEqual({ to: RUN, cc: [RUN], owner: { email: RUN, name: "d@example.com" } });
    expect(sendsEmail(spec, op)).toBe(true);
  });

  it("is the example as it is where the schema takes no address, and sends none", () => {
    const spec = specWith(bodyOf({ type: "object", properties: { name: { type: "string" } } }, { name: "x@y.z" }));
    expect(validBody(spec, spec.operations[0]!, RUN)).toEqual({ name: "x@y.z" });
    expect(sendsEmail(spec, spec.operations[0]!)).toBe(false);
  });

  it("is nothing for an operation without a body, and an empty object for a body without an example", () => {
    const none = specWith({});
    expect(validBody(none, none.operations[0]!, RUN)).toBeUndefined();
    const bare = specWith({
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
    });
    expect(validBody(bare, bare.operations[0]!, RUN)).toEqual({});
  });
});

describe("a valid call's query", () => {
  it("is the required parameters, from the spec's examples; optional ones are left out", () => {
    const spec = specWith({
      parameters: [
        { name: "kind", in: "query", required: true, schema: { type: "string" }, example: "recipient" },
        { name: "page", in: "query", required: false, schema: { type: "integer" }, example: 2 },
      ],
    });
    expect(validQuery(spec.operations[0]!)).toEqual({ kind: "recipient" });
  });
});

describe("atPointer", () => {
  it("follows a JSON pointer, its ~1 and ~0 escapes read (RFC 6901), and finds nothing past a leaf", () => {
    const doc = { $defs: { "a/b": { "c~d": [1, 2] } }, leaf: "x" };
    expect(atPointer(doc, "/$defs/a~1b/c~0d")).toEqual([1, 2]);
    expect(atPointer(doc, "")).toBe(doc);
    expect(atPointer(doc, "/leaf/more")).toBeUndefined();
    expect(atPointer(doc, "/missing")).toBeUndefined();
  });
});
