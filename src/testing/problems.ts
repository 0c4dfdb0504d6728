// The refusals the mock answers, shaped as Stoplight Prism 5 (`prism mock --errors`) shapes
// them, so an app tested against either sees the same status, media type and body shape:
// problem+json documents with Prism's `type` and `title`, and a `validation` list for 422.
import { operations } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";

/** What the mock sends back, before it becomes a Response. */
export interface Answer {
  status: number;
  contentType?: string | undefined;
  text: string | null;
}

/** One item of a 422's `validation` list, as Prism writes it. */
export interface PrismIssue {
  location?: string[];
  severity: "Error";
  code: string | number;
  message: string;
}

const PROBLEM_TYPES = "https://stoplight.io/prism/errors#";

function problem(type: string, title: string, status: number, detail: string, extra: object = {}): Answer {
  const body = { type: `${PROBLEM_TYPES}${type}`, title, status, detail, ...extra };
  return { status, contentType: "application/problem+json", text: JSON.stringify(body) };
}

/** A JSON body that does not parse: answered before anything else is looked at. */
export const invalidJson = (): Answer => ({
  status: 400,
  contentType: "application/json; charset=utf-8",
  text: JSON.stringify({ error: { code: "invalid_json", message: "Invalid JSON" } }),
});

/**
 * A request-target with a "%" that starts no escape is not a URI (RFC 3986, section 2.1); a
 * server answers such a request-line 400 (RFC 9112, section 3) before reading anything else.
 * Shaped as the 400 for unreadable JSON: Prism has no answer of its own (it exits or answers 404).
 */
export const invalidTarget = (): Answer => ({
  status: 400,
  contentType: "application/json; charset=utf-8",
  text: JSON.stringify({
    error: { code: "invalid_request_target", message: "Invalid percent-encoding in the request-target" },
  }),
});

export const noPath = (path: string): Answer =>
  problem(
    "NO_PATH_MATCHED_ERROR",
    "Route not resolved, no path matched",
    404,
    `The route ${path} hasn't been found in the specification file`,
  );

export const noMethod = (path: string, method: string): Answer =>
  problem(
    "NO_METHOD_MATCHED_ERROR",
    "Route resolved, but no method matched",
    405,
    `The route ${path} has been matched, but it does not have "${method.toLowerCase()}" method defined`,
  );

export const invalidContentType = (detail: string): Answer =>
  problem("INVALID_CONTENT_TYPE", "Invalid content type", 415, detail);

export const unprocessable = (validation: PrismIssue[]): Answer =>
  problem(
    "UNPROCESSABLE_ENTITY",
    "Invalid request",
    422,
    "Your request is not valid against the LeadConduit spec, so the mock refuses it as Prism does.",
    { validation },
  );

export const notAcceptable = (accept: string): Answer =>
  problem(
    "NOT_ACCEPTABLE",
    "The server cannot produce a representation for your accept header",
    406,
    `Unable to find content for ${accept}`,
  );

const unauthorized = (): Answer =>
  problem(
    "UNAUTHORIZED",
    "Invalid security scheme used",
    401,
    "Your request does not fulfil the security requirements of the LeadConduit spec.",
  );

/**
 * The spec's own answer for the first of `statuses` it documents with an example (the 401's
 * `{"error":"authentication failed"}`), as Prism prefers it; else `fallback`.
 */
export function documentedOr(operationId: OperationId, statuses: number[], fallback: Answer): Answer {
  const { responses } = operations[operationId];
  for (const status of statuses) {
    const documented = responses[String(status)];
    if (documented?.example !== undefined) {
      return { status, contentType: documented.contentType, text: JSON.stringify(documented.example) };
    }
  }
  return fallback;
}

/** The answer to missing or wrong credentials. */
export const unauthorised = (operationId: OperationId): Answer => documentedOr(operationId, [401], unauthorized());
