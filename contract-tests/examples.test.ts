// Static mode: the spec's own examples are valid against their schemas (checks of the spec
// alone, no target), and every target serves each documented example, conforming, when a
// request asks it for that status the way the target table says it is asked.
import { describe, expect, it } from "vitest";
import { basicAuthorization } from "../src/client/index.ts";
import { about, expectConforming, forEachTarget, spec, urlOf, validatorFor } from "./lib/harness.ts";
import { exampleTarget } from "./lib/requests.ts";
import { firstBodyExample, type OperationSpec } from "./lib/spec.ts";
import { type Target, WRONG_KEY } from "./lib/targets.ts";

for (const op of spec.operations)
  describe(`${op.operationId} examples`, about(op.operationId), () => {
    if (op.body) {
      const { schema, examples } = op.body;
      it.each(Object.entries(examples))("request example %s is valid", (_name, value) => {
        const validate = validatorFor(schema);
        expect(validate(value) ? [] : validate.errors).toEqual([]);
      });
    }
    // a response without content has no example to give
    for (const response of op.responses.filter((r) => r.content["application/json"])) {
      const examples = Object.entries(response.examples["application/json"] ?? {});
      it(`documents at least one example for ${response.status}`, () => {
        expect(examples.length).toBeGreaterThan(0);
      });
      it.each(examples)(`${response.status} example %s is valid`, (_name, value) => {
        const validate = validatorFor(response.content["application/json"]!);
        expect(validate(value) ? [] : validate.errors).toEqual([]);
      });
    }
  });

/** `value` with each JSON pointer set to what `from` holds there (the parts a target fills in fresh). */
function takeFresh(value: unknown, from: unknown, pointers: string[]): unknown {
  const out = structuredClone(value) as Record<string, unknown>;
  for (const pointer of pointers) {
    const keys = pointer.split("/").slice(1);
    const last = keys.pop()!;
    const into = keys.reduce<Record<string, unknown> | undefined>(
      (o, k) => o?.[k] as Record<string, unknown> | undefined,
      out,
    );
    const source = keys.reduce<Record<string, unknown> | undefined>(
      (o, k) => o?.[k] as Record<string, unknown> | undefined,
      from as Record<string, unknown>,
    );
    if (into && source && last in into) into[last] = source[last];
  }
  return out;
}

/** The headers that ask a target for a status, and whether the answer is a refusal of the request (not a status asked for by name). */
function askFor(
  target: Target,
  status: number,
  op: OperationSpec,
): { headers: Record<string, string>; refusal: boolean } {
  const ask = target.ask(status, op);
  if (!ask) throw new Error(`the target table says no way to ask ${target.name} for a ${status}`);
  const key = { key: target.apiKey, "wrong key": WRONG_KEY, none: undefined }[ask.credentials];
  const authorization: Record<string, string> = key === undefined ? {} : { authorization: basicAuthorization(key) };
  return { headers: { ...ask.headers, ...authorization }, refusal: ask.credentials !== "key" };
}

forEachTarget("static", (target) => {
  for (const op of spec.operations)
    describe(`${op.operationId} examples`, about(op.operationId), () => {
      for (const response of op.responses) {
        it(`serves the ${response.status} example, conforming`, async () => {
          const status = Number(response.status);
          const ask = askFor(target, status, op);
          const res = await fetch(`${urlOf(target)}${exampleTarget(op)}`, {
            method: op.method,
            headers: { ...(op.body ? { "content-type": "application/json" } : {}), ...ask.headers },
            body: op.body ? JSON.stringify(firstBodyExample(op)) : undefined,
          });
          const text = await res.text();
          const body = text === "" ? undefined : JSON.parse(text);
          expect(res.status).toBe(status);
          const fresh = status < 300 ? target.fresh(op) : [];
          const examples = Object.values(response.examples["application/json"] ?? {}).map((example) =>
            takeFresh(example, body, fresh),
          );
          // nothing to serve without content, nor in answer to a HEAD
          if (examples.length === 0 || op.method === "HEAD") expect(body).toBeUndefined();
          else expect(examples).toContainEqual(body);
          await expectConforming(target, op.operationId, res, body, {
            mode: "static",
            case: `example ${response.status}`,
            refusal: ask.refusal,
          });
        });
      }
    });
});
