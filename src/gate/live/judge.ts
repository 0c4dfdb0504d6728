// Judges one answer of a live run against the spec: is its status documented, its content
// type right, its body valid, and does it carry only what the spec lists? Every problem is a
// violation naming the operation, the status and the JSON path; what the spec could say and
// does not is a finding. Pure.

import type { ValidateFunction } from "ajv";
import { violationsOf } from "../../client/violations.ts";
import type { Finding } from "../report/model.ts";
import {
  documentedResponse,
  type OperationSpec,
  type ResponseSpec,
  type Spec,
  successResponse,
} from "../spec-model.ts";
import { schemaViolations } from "../violations.ts";

/** An answer the server gave (no answer at all is not judged: the gate could not check). */
export type Exchange = { status: number; contentType: string; text: string };

export interface Judged {
  status?: number;
  violations: Finding[];
  findings: Finding[];
  /** the parsed body of a valid call, for the entity id it returned */
  body?: unknown;
}

export interface JudgeContext {
  spec: Spec;
  validatorOf: (schema: object) => ValidateFunction;
  /**
   * Finds what a body carries that the schema does not list (spec-model.ts `unlistedValidators`):
   * the spec allows it, so clients take it, but the gate holds the spec to what the server sends.
   */
  unlistedOf: (schema: object) => ValidateFunction;
  target: string;
}

const SNIPPET_CHARS = 120;

type Make = (message: string, extra?: { path?: string; pointer?: string }) => Finding;

function maker(ctx: JudgeContext, op: OperationSpec, check: string, status?: number): Make {
  return (message, extra = {}) => ({
    target: ctx.target,
    operationId: op.operationId,
    case: check,
    ...(status === undefined ? {} : { status }),
    ...(extra.path === undefined ? {} : { path: extra.path }),
    message,
    ...(extra.pointer ? { location: { pointer: extra.pointer } } : {}),
  });
}

export function judgeValidCall(ctx: JudgeContext, op: OperationSpec, check: string, answer: Exchange): Judged {
  const { status } = answer;
  const make = maker(ctx, op, check, status);
  const documented = documentedResponse(op, status);
  if (!isSuccess(status)) {
    const hint = status === 401 ? " (are the API key and the target right?)" : "";
    const message = documented
      ? `a valid call was refused with ${status}${hint}: ${snippet(answer.text)}`
      : `${status} is not documented for ${op.operationId}; a valid call must succeed, and if the server really answers ` +
        `${status} the spec must then document it: ${snippet(answer.text)}`;
    return { status, violations: [make(message)], findings: [] };
  }
  const violations = documented
    ? []
    : [make(`${status} is not documented for ${op.operationId}; the spec must then document it`)];
  // An undocumented 2xx is still held to the first documented 2xx's schema, as the client does.
  const body = judgeBody(ctx, op, make, documented ?? successResponse(op), answer);
  return { status, violations: [...violations, ...body.violations], findings: [], body: body.body };
}

export function judgeNoCredentials(ctx: JudgeContext, op: OperationSpec, check: string, answer: Exchange): Judged {
  const { status } = answer;
  const make = maker(ctx, op, check, status);
  if (status !== 401) {
    return {
      status,
      violations: [make(`a call without credentials answered ${status}, expected 401: ${snippet(answer.text)}`)],
      findings: [],
    };
  }
  const documented = documentedResponse(op, status);
  if (!documented)
    return {
      status,
      violations: [make(`401 is not documented for ${op.operationId}; the spec must then document it`)],
      findings: [],
    };
  return { status, violations: judgeBody(ctx, op, make, documented, answer).violations, findings: [] };
}

export function judgeBadBody(ctx: JudgeContext, op: OperationSpec, check: string, answer: Exchange): Judged {
  const { status } = answer;
  const make = maker(ctx, op, check, status);
  if (status < 400 || status >= 500) {
    const what = isSuccess(status) ? "accepted with" : "answered";
    return {
      status,
      violations: [make(`a body the spec refuses was ${what} ${status}; expected a 4xx: ${snippet(answer.text)}`)],
      findings: [],
    };
  }
  const documented = documentedResponse(op, status);
  if (!documented) {
    // Which 4xx is not documented anywhere, so the answer is worth knowing, not a failure.
    return {
      status,
      violations: [],
      findings: [make(`refused with ${status}, which the spec does not document; it could: ${snippet(answer.text)}`)],
    };
  }
  return { status, violations: judgeBody(ctx, op, make, documented, answer).violations, findings: [] };
}

/** Content type and body against the documented response; every problem is a violation. */
function judgeBody(
  ctx: JudgeContext,
  op: OperationSpec,
  make: Make,
  documented: ResponseSpec,
  answer: { contentType: string; text: string },
): { violations: Finding[]; body?: unknown } {
  const types = Object.keys(documented.content);
  // an answer to HEAD carries no content, whatever a GET would (RFC 9110 section 9.3.2)
  if (types.length === 0 || op.method === "HEAD") return { violations: [] };
  const violations: Finding[] = [];
  const mediaType = answer.contentType.split(";")[0]!.trim().toLowerCase();
  const expected = types.find((t) => t.toLowerCase() === mediaType);
  if (!expected)
    violations.push(
      make(`content type ${JSON.stringify(answer.contentType || "(none)")} is not ${types.join(" or ")}`),
    );
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    violations.push(
      make(`body is ${answer.text.trim() === "" ? "empty" : "not JSON"}: ${snippet(answer.text)}`, { path: "/" }),
    );
    return { violations };
  }
  const schema = documented.content[expected ?? "application/json"] ?? documented.content[types[0]!]!;
  const validate = ctx.validatorOf(schema);
  if (!validate(body)) {
    for (const v of schemaViolations(ctx.spec, validate.errors)) {
      violations.push(make(`${v.path} ${v.message}`, { path: v.path, ...(v.pointer ? { pointer: v.pointer } : {}) }));
    }
  }
  const unlisted = ctx.unlistedOf(schema);
  if (!unlisted(body)) {
    for (const v of violationsOf(unlisted.errors).filter((e) => e.keyword === "additionalProperties")) {
      const message = `${v.path} is not in the spec: the server sends a property the spec does not list; list it (an additive change)`;
      violations.push(make(message, { path: v.path }));
    }
  }
  return { violations, body };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "(empty body)";
  return JSON.stringify(flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat);
}
