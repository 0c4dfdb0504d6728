// Every target answers as the reference (Prism) does: the same raw request (a valid one, each
// of the negative matrix, and those the targets are known to differ on) sent to both, and the
// answers' status, Content-Type and body compared whole, after the allowances of the target
// table's DIFFERENCES. Where the table gives the two targets different statuses for a case,
// each must answer its own: a difference that went away, or a new one, fails here.
import { describe, expect, it } from "vitest";
import { about, spec, urlOf } from "./lib/harness.ts";
import { targetTag } from "./lib/records.ts";
import { differenceCases, edgeCases, parseBody, type RawCase, refusalCases, send, validCase } from "./lib/requests.ts";
import type { OperationSpec } from "./lib/spec.ts";
import { type Answer, normalised, REFERENCE, statusOn, TARGETS, type Target } from "./lib/targets.ts";

async function answerOf(target: Target, op: OperationSpec, c: RawCase): Promise<Answer> {
  const res = await send(target, urlOf(target), op, c);
  return { status: res.status, contentType: res.headers.get("content-type"), body: parseBody(await res.text()) };
}

for (const target of TARGETS.filter((t) => t !== REFERENCE))
  describe(target.name, { tags: [targetTag(target.name)] }, () => {
    for (const op of spec.operations)
      describe(`${op.operationId} answered as ${REFERENCE.name} answers`, about(op.operationId), () => {
        const cases = [validCase(op), ...refusalCases(op), ...differenceCases(op), ...edgeCases(op)];
        it.concurrent.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
          const [ours, theirs] = await Promise.all([answerOf(target, op, c), answerOf(REFERENCE, op, c)]);
          const expected = { ours: statusOn(target, c, op), theirs: statusOn(REFERENCE, c, op) };
          expect({ ours: ours.status, theirs: theirs.status }, "statuses, as the target table gives them").toEqual(
            expected,
          );
          // where the table says the statuses differ, that is the whole difference to check
          if (expected.ours === expected.theirs) expect(normalised(ours, op)).toEqual(normalised(theirs, op));
        });
      });
  });
