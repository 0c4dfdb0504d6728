// The negative matrix on every target: what a conforming server refuses, sent as raw HTTP
// (contract-tests/lib/requests.ts). Each case expects the status the spec calls for, or the
// target's own where the target table says it differs and why.
import { describe, expect, it } from "vitest";
import { about, expectConforming, expectSaid, forEachTarget, record, spec, urlOf } from "./lib/harness.ts";
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, parseBody, refusalCases, send } from "./lib/requests.ts";
import { documentedResponse } from "./lib/spec.ts";
import { statusOn } from "./lib/targets.ts";

forEachTarget("negative", (target) => {
  for (const op of spec.operations)
    describe(`${op.operationId} refusals`, about(op.operationId), () => {
      const { operationId } = op;
      it.concurrent.each(refusalCases(op).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
        const res = await send(target, urlOf(target), op, c);
        const text = await res.text();
        expect(res.status, text).toBe(statusOn(target, c, op));
        const body = parseBody(text) as Record<string, unknown>;
        // a documented status of the operation (not a router's refusal of a path that is none of
        // its): the answer must be the documented one
        if (c.reaches !== false && documentedResponse(op, res.status)) {
          await expectConforming(target, operationId, res, text === "" ? undefined : body, {
            mode: "negative",
            case: c.name,
            refusal: res.status >= 400,
          });
          return;
        }
        expectSaid(target, res, true, false);
        // a HEAD's answer has no body to say more with
        if (op.method === "HEAD")
          return record(target, { operationId, status: res.status, mode: "negative", case: c.name });
        const type = PROBLEM_TYPES[res.status];
        if (type) {
          expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          expect(body).toMatchObject({ type: `${PROBLEM_TYPE_BASE}${type}`, status: res.status });
          if (res.status === 422)
            expect(body.validation, "a 422 names what broke").toEqual(expect.arrayContaining([expect.anything()]));
        } else {
          // Prism's refusal of a body it cannot parse, before it looks any further
          expect(res.status).toBe(400);
          expect(body).toEqual({ error: { code: "invalid_json", message: "Invalid JSON" } });
        }
        record(target, { operationId, status: res.status, mode: "negative", case: c.name });
      });
    });
});
