// What a 2xx answer becomes: the typed value, or a ResponseValidationError. The value returned
// never contradicts its TypeScript type, whatever `validateResponses` says: the generated
// "shape" check (what the type states) always runs; the full schema check runs when asked.
// An open enum's type is any string, so a value added to it upstream passes the shape check;
// "report" mode also tells of a property the spec does not list yet. An additive change to the
// API is then reported, never thrown, in production.
import { type OperationId, operations, type SuccessBody } from "../../generated/validators.js";
import { type ErrorDetails, type RedactedRequest, ResponseValidationError } from "./errors.js";
import { log } from "./log.js";
import type { ResolvedRequestOptions } from "./options.js";
import { keptBody } from "./redact.js";
import { requestIdOf } from "./request-id.js";
import { documentedStatus } from "./statuses.js";
import { describeViolations, type Violation, violationsOf } from "./violations.js";

export interface Answer<K extends OperationId> {
  operationId: K;
  /** the body as text */
  text: string;
  response: Response;
  opts: ResolvedRequestOptions;
  secrets: readonly string[];
  details: () => ErrorDetails & { status: number };
  /** the request sent, redacted, for onResponseViolation */
  sent: (() => RedactedRequest) | undefined;
}

export function successOf<K extends OperationId>(answer: Answer<K>): SuccessBody<K> {
  const op = operations[answer.operationId];
  // the spec documents no content for this success (a 204, a HEAD's answer): nothing to return
  if (!op.shape) return noContent(answer) as SuccessBody<K>;
  const body = parseJson(answer);
  const mode = answer.opts.validateResponses;
  if (mode !== false)
    judge(answer, [
      ...statusViolations(answer),
      ...specViolations(answer, body),
      ...(mode === "report" ? unlistedProperties(answer.operationId, body) : []),
    ]);
  if (op.shape(body)) return body;
  const violations = violationsOf(op.shape.errors);
  throw invalid(answer, `Response is not the documented envelope: ${describeViolations(violations)}`, violations);
}

/** What the mode does with what breaks the spec: `true` throws, `"report"` reports and goes on. */
function judge(answer: Answer<OperationId>, violations: Violation[]): void {
  if (violations.length === 0) return;
  if (answer.opts.validateResponses === true)
    throw invalid(answer, `Response breaks the spec: ${describeViolations(violations)}`, violations);
  report(answer, violations);
}

/** A success the spec documents without content: a body that came all the same breaks the spec. */
function noContent(answer: Answer<OperationId>): undefined {
  if (answer.opts.validateResponses === false) return undefined;
  const body =
    answer.text === ""
      ? []
      : [{ path: "/", message: `the spec documents no content for ${answer.response.status}, yet a body came` }];
  judge(answer, [...statusViolations(answer), ...body]);
  return undefined;
}

/**
 * A 2xx the spec does not document for the operation (a 201 where it documents 200): the client
 * still reads it as the documented success, but the server answers outside the spec.
 */
function statusViolations(answer: Answer<OperationId>): Violation[] {
  const { status } = answer.response;
  const { statuses } = operations[answer.operationId];
  if (documentedStatus(statuses, status) !== undefined) return [];
  const documented = statuses.filter((s) => /^2/.test(s)).join(", ");
  return [
    {
      path: "status",
      message: `${status} is not a status the spec documents for ${answer.operationId} (it documents ${documented})`,
      keyword: "status",
    },
  ];
}

function parseJson(answer: Answer<OperationId>): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    // There is nothing typed to return, whatever validateResponses says.
    const what = answer.text.trim() === "" ? "empty" : "not JSON";
    throw invalid(answer, `Response ${answer.response.status} body is ${what}`, [
      { path: "/", message: `body is ${what}` },
    ]);
  }
}

/** Everything about the answer that breaks the spec: its content type and its body's schema. */
function specViolations(answer: Answer<OperationId>, body: unknown): Violation[] {
  const violations: Violation[] = [];
  const contentType = answer.response.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    violations.push({ path: "/", message: `content type ${contentType || "(none)"} is not application/json` });
  }
  const { success } = operations[answer.operationId];
  if (success && !success(body)) violations.push(...violationsOf(success.errors));
  return violations;
}

/**
 * What the body carries that the spec does not list (a field the server added): no violation of
 * the spec, which allows it, but a change the app may want to hear of, in "report" mode.
 */
function unlistedProperties(operationId: OperationId, body: unknown): Violation[] {
  const { unlisted } = operations[operationId];
  if (!unlisted || unlisted(body)) return [];
  return violationsOf(unlisted.errors)
    .filter((v) => v.keyword === "additionalProperties")
    .map((v) => ({ ...v, message: "is not in the spec: a property it does not list (yet)" }));
}

/** Tells the app: its logger at `warn`, then onResponseViolation (which may throw, rejecting the call). */
function report(answer: Answer<OperationId>, violations: Violation[]): void {
  const { operationId, response, opts } = answer;
  const request = answer.sent?.() ?? { method: "", url: response.url, headers: {} };
  const requestId = requestIdOf(response.headers);
  const info = { operationId, status: response.status, violations, request, ...(requestId ? { requestId } : {}) };
  log(
    opts,
    answer.secrets,
    "warn",
    `${operationId}: ${response.status} answered outside the spec: ${describeViolations(violations)}`,
    info,
  );
  opts.onResponseViolation?.(info);
}

function invalid(answer: Answer<OperationId>, message: string, violations: Violation[]): ResponseValidationError {
  return new ResponseValidationError(message, {
    ...answer.details(),
    ...keptBody(answer.text, answer.secrets),
    violations,
  });
}
