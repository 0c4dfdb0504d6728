// Static mode: the spec's own examples are valid against their schemas, and Prism serves them
// unchanged and conforming.
import { describe, expect, it } from "vitest";
import { basicAuthorization } from "../src/index.ts";
import { about, examplePath, expectConforming, prismUrl, spec, validatorFor } from "./lib/harness.ts";

for (const op of spec.operations) describe(`${op.operationId} examples`, about(op.operationId), () => {
  const { operationId } = op;
  if (op.body) {
    const { schema, examples } = op.body;
    it.each(Object.entries(examples))("request example %s is valid", (_name, value) => {
      const validate = validatorFor(schema);
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    });
  }

  for (const response of op.responses) {
    const examples = Object.entries(response.examples["application/json"] ?? {});
    it(`documents at least one example for ${response.status}`, () => {
      expect(examples.length).toBeGreaterThan(0);
    });
    it.each(examples)(`${response.status} example %s is valid`, (_name, value) => {
      const validate = validatorFor(response.content["application/json"]!);
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    });

    it(`Prism serves the ${response.status} example, conforming`, async () => {
      const res = await fetch(`${prismUrl()}${examplePath(op)}`, {
        method: op.method,
        headers: {
          authorization: basicAuthorization("static-example-key"),
          "content-type": "application/json",
          prefer: `code=${response.status}`,
        },
        body: op.body ? JSON.stringify(Object.values(op.body.examples)[0]) : undefined,
      });
      const body = await res.json();
      expect(res.status).toBe(Number(response.status));
      expect(Object.values(response.examples["application/json"] ?? {})).toContainEqual(body);
      await expectConforming(operationId, res, body, { mode: "static", case: `example ${response.status}` });
    });
  }
});
