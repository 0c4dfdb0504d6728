// Scripted answers: checked against the spec when they are queued (a test cannot fake a response
// the API could never send), then handed out in order, `times` each.
import { operations } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";
import { documentedStatus } from "../client/statuses.js";
import { describeViolations, type Violation, violationsOf } from "../client/violations.js";
import { documentedFor } from "./documented.js";
import { LeadConduitMockError } from "./errors.js";
import { essence } from "./media.js";
import type { Answer } from "./problems.js";
import type { FailureMode, ReplyOptions, ScriptedReply } from "./types.js";

export type Scripted =
  | { kind: "reply"; status: number; headers: [string, string][]; text: string | null | undefined; remaining: number }
  | { kind: "fail"; mode: FailureMode; remaining: number };

/** The operation, or a LeadConduitMockError naming the ones there are. */
export function assertOperation(operationId: unknown, caller: string): asserts operationId is OperationId {
  if (typeof operationId !== "string" || !Object.hasOwn(operations, operationId)) {
    throw new LeadConduitMockError(
      `${caller}: unknown operation ${JSON.stringify(operationId)}; the spec has ${Object.keys(operations).join(", ")}`,
    );
  }
}

export function timesOf(times: unknown, caller: string): number {
  if (times === undefined) return 1;
  if (times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && (times as number) > 0)) return times as number;
  throw new LeadConduitMockError(`${caller}: times must be a whole number > 0 or Infinity, got ${String(times)}`);
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function violationsOfReply(operationId: OperationId, status: number, body: unknown, headers: Headers): Violation[] {
  const documented = documentedFor(operationId, status);
  if (!documented) return [];
  const violations: Violation[] = [];
  const media = essence(headers.get("content-type"));
  if (media !== undefined && documented.contentType !== undefined && media !== essence(documented.contentType)) {
    violations.push({ path: "headers/content-type", message: `${media} is not ${documented.contentType}` });
  }
  if (documented.validate && NULL_BODY_STATUSES.has(status)) {
    violations.push({ path: "/", message: `a ${status} has no body, but the spec documents one` });
  } else if (documented.validate && body !== undefined) {
    let value = body;
    if (typeof body === "string") {
      try {
        value = JSON.parse(body);
      } catch {
        return [...violations, { path: "/", message: "body is not JSON" }];
      }
    }
    if (!documented.validate(value)) violations.push(...violationsOf(documented.validate.errors));
  }
  return violations;
}

function headersOf(headers: ScriptedReply["headers"], caller: string): Headers {
  try {
    return new Headers(headers);
  } catch (error) {
    throw new LeadConduitMockError(`${caller}: bad headers: ${(error as Error).message}`);
  }
}

function textOf(status: number, body: unknown, caller: string): string | null | undefined {
  if (body === undefined) return undefined;
  if (NULL_BODY_STATUSES.has(status)) throw new LeadConduitMockError(`${caller}: a ${status} cannot have a body`);
  if (typeof body === "string") return body;
  try {
    const text = JSON.stringify(body);
    if (text === undefined) throw new Error(`${typeof body} is not JSON`);
    return text;
  } catch (error) {
    throw new LeadConduitMockError(`${caller}: the body cannot be sent as JSON: ${(error as Error).message}`);
  }
}

/**
 * Why a success status is not one the operation answers, or nothing: the spec documents it (as a
 * code, a `2XX` range or `default`). An undocumented error status (a 503, a 429) is what any
 * server in front of the API may send, and what an app's retry tests need; an undocumented 2xx is
 * a success the API never promised, which the client reports as a violation.
 */
function undocumentedSuccess(operationId: OperationId, status: number): string | undefined {
  if (status >= 300) return undefined;
  const documented = Object.keys(operations[operationId].responses);
  if (documentedStatus(documented, status) !== undefined) return undefined;
  const successes = documented.filter((s) => /^2/.test(s)).join(", ");
  return `the spec documents no ${status} for ${operationId}, only ${successes} for a success (pass { undocumented: true } if the test means it)`;
}

/** Checks a scripted answer and turns it into a queue entry; throws LeadConduitMockError naming what is wrong. */
export function scriptReply(operationId: OperationId, answer: ScriptedReply, options: ReplyOptions): Scripted {
  const caller = `mock.reply(${operationId}, ${String(answer?.status)})`;
  if (answer === null || typeof answer !== "object")
    throw new LeadConduitMockError(`${caller}: the answer must be an object { status, body?, headers? }`);
  const { status, body } = answer;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new LeadConduitMockError(`${caller}: status must be a whole number from 200 to 599`);
  }
  const headers = headersOf(answer.headers, caller);
  const remaining = timesOf(options.times, caller);
  const text = textOf(status, body, caller);
  const undocumented =
    options.unchecked === true || options.undocumented === true ? undefined : undocumentedSuccess(operationId, status);
  if (undocumented)
    throw new LeadConduitMockError(`${caller}: ${undocumented}`, [
      { path: "status", message: undocumented, keyword: "status" },
    ]);
  if (options.unchecked !== true) {
    const violations = violationsOfReply(operationId, status, body, headers);
    if (violations.length) {
      throw new LeadConduitMockError(
        `${caller}: the API could never send this (pass { unchecked: true } to send it anyway): ${describeViolations(violations)}`,
        violations,
      );
    }
  }
  return { kind: "reply", status, headers: [...headers], text, remaining };
}

/** The scripted answer as it is sent; `usual` gives the body of a 2xx that left it out. */
export function replyAnswer(
  entry: Extract<Scripted, { kind: "reply" }>,
  operationId: OperationId,
  usual: () => unknown,
): Answer & { headers: [string, string][] } {
  const { status, headers } = entry;
  let text = entry.text;
  if (text === undefined && !NULL_BODY_STATUSES.has(status)) {
    const documented = operations[operationId].responses[String(status)];
    if (status < 300) text = JSON.stringify(usual());
    else if (documented?.example !== undefined) text = JSON.stringify(documented.example);
  }
  return { status, headers, text: text ?? null, contentType: text == null ? undefined : "application/json" };
}
