// One hierarchy for every failure, so callers need `instanceof` and nothing else. Errors keep
// a redacted copy of the request and never the API key (see redact.ts).
import { describeViolations, type Violation } from "./violations.js";

/** The request an error or a report is about, with every credential removed. */
export interface RedactedRequest {
  /** HTTP method, e.g. `POST`. */
  method: string;
  /** Full URL, without credentials. */
  url: string;
  /** Request headers, names lower-cased; `authorization` reduced to `Basic [REDACTED]`. */
  headers: Record<string, string>;
}

/** What an error may carry; every field is optional because not every failure has them all. */
export interface ErrorDetails {
  /** HTTP status of the response the error is about. */
  status?: number | undefined;
  /** The response body, parsed when it was JSON, with any echoed credential redacted. */
  body?: unknown;
  /** The response body as text, with any echoed credential redacted. */
  rawBody?: string | undefined;
  /** Response headers, names lower-cased. */
  headers?: Record<string, string> | undefined;
  /** How many HTTP requests were sent for the call. */
  attempts?: number | undefined;
  /** The last request sent, redacted. */
  request?: RedactedRequest | undefined;
  /** What is wrong with the request or the response, where the error is about that. */
  violations?: Violation[] | undefined;
  /** What a 429's Retry-After asked for, in ms. */
  retryAfterMs?: number | undefined;
  /** The id the server gave the request (`x-request-id`, `request-id` or `x-amzn-requestid`). */
  requestId?: string | undefined;
  /** The underlying error, e.g. fetch's TypeError. */
  cause?: unknown;
}

/** Base class of every error the client throws. */
export class LeadConduitError extends Error {
  /** HTTP status of the response this error is about, if there was one. */
  declare readonly status?: number;
  /** The response body, parsed when it was JSON. */
  declare readonly body?: unknown;
  /** The response body as text, kept also when it was not JSON (HTML pages, truncated JSON). */
  declare readonly rawBody?: string;
  /** Response headers, names lower-cased. */
  declare readonly headers?: Record<string, string>;
  /** How many HTTP requests were sent for this call (0 when refused before sending). */
  declare readonly attempts?: number;
  /** The last request sent, with credentials removed. */
  declare readonly request?: RedactedRequest;
  /** The id the server gave the request, when it answered and sent one: quote it to its support. */
  declare readonly requestId?: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    const { cause: _cause, ...rest } = details;
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }

  /** A plain object for logs: name, message and the fields above; `cause` as a one-line string. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of Object.keys(this)) out[key] = (this as Record<string, unknown>)[key];
    if (this.cause instanceof Error) out.cause = `${this.cause.name}: ${this.cause.message}`;
    return out;
  }
}

/** Options that cannot work: no API key, a bad base URL, plain HTTP to a remote host, a bad option value. */
export class ConfigurationError extends LeadConduitError {}

/**
 * The client refused the input before sending anything: `attempts` is 0, there is no `status`,
 * and `violations` says what is wrong. A server's 400 or 422 is a {@link BadRequestError} or an
 * {@link UnprocessableEntityError} instead.
 */
export class ValidationError extends LeadConduitError {
  /** Each problem found in the input, e.g. `{ path: "body/email", message: 'must match format "email"' }`. */
  declare readonly violations: Violation[];
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { ...details, violations: details.violations ?? [] });
  }
}

/** The server answered with a status that is not 2xx. Subclasses name the common ones. */
export class APIError extends LeadConduitError {
  /** The HTTP status the server answered with. */
  declare readonly status: number;
  /**
   * What the server said was wrong with the request, when its body lists it (a `validation`,
   * `invalid-params` or `errors` array, as Prism and RFC 9457 problem documents carry); else empty.
   */
  declare readonly violations: Violation[];
  /** What the server's Retry-After asked for, in ms, when it sent one (a 429 or a 503, typically). */
  declare readonly retryAfterMs?: number;
  /**
   * The id the server gave the request, from its `x-request-id`, `request-id` or
   * `x-amzn-requestid` header; `undefined` when it sent none.
   */
  declare readonly requestId: string | undefined;
  constructor(message: string, details: ErrorDetails & { status: number }) {
    super(message, { ...details, violations: details.violations ?? [] });
  }
}
/** 400: the server refused the request as malformed. */
export class BadRequestError extends APIError {}
/** 401: missing or wrong credentials; check the API key. */
export class AuthenticationError extends APIError {}
/** 403: the key is valid but may not do this. */
export class PermissionError extends APIError {}
/** 404: no such path or entity. */
export class NotFoundError extends APIError {}
/** 422: the server refused the request's content; `violations` says why when the body does. */
export class UnprocessableEntityError extends APIError {}
/** 429: too many requests; retried, honouring `Retry-After`. */
export class RateLimitError extends APIError {}
/** 5xx: the server failed; retried. */
export class ServerError extends APIError {}

/** A 2xx response whose body is not what the spec says: not JSON, or breaking its schema. */
export class ResponseValidationError extends LeadConduitError {
  /** Each place where the body breaks the spec, e.g. `{ path: "/entity/name", message: "must have required property 'name'" }`. */
  declare readonly violations: Violation[];
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { ...details, violations: details.violations ?? [] });
  }
}

/** fetch itself failed: DNS, refused or reset connection, a body cut off mid-stream. Retried. */
export class ConnectionError extends LeadConduitError {}
/** An attempt took longer than `timeoutMs` (a {@link ConnectionError}). Retried. */
export class TimeoutError extends ConnectionError {}
/** The caller's `signal` aborted the call. Never retried. */
export class AbortError extends LeadConduitError {}

export const ABORTED_MESSAGE = "The call was aborted by its signal";

/** The error for a non-2xx answer: its class by status, its message from what the body said. */
export function errorForStatus(details: ErrorDetails & { status: number }): APIError {
  const { status, ...rest } = details;
  const violations = violationsInBody(rest.body);
  const said = summaryOf(rest.body, rest.rawBody ?? "", violations);
  const message = `LeadConduit answered ${status}${said ? `: ${said}` : ""}`;
  const ErrorClass = BY_STATUS[status] ?? (status >= 500 ? ServerError : APIError);
  return new ErrorClass(message, { ...rest, status, violations });
}

/** The error class of each status that has one of its own (5xx: ServerError; any other: APIError). */
const BY_STATUS: Readonly<Record<number, typeof APIError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * Violations a server body lists: Prism's `validation` (`{ location: ["body", "email"], message,
 * code }`), RFC 7807's `invalid-params` (`{ name, reason }`) and RFC 9457's `errors`
 * (`{ pointer, detail }`). LeadConduit documents no such body; these are the shapes in use.
 */
function violationsInBody(body: unknown): Violation[] {
  if (!isObject(body)) return [];
  const list = [body.validation, body["invalid-params"], body.errors].find(Array.isArray) ?? [];
  return list.filter(isObject).flatMap((item): Violation[] => {
    const path = Array.isArray(item.location)
      ? item.location.join("/")
      : (textOf(item.name) ?? textOf(item.pointer)?.replace(/^#/, "") ?? textOf(item.path) ?? "");
    const message = textOf(item.message) ?? textOf(item.reason) ?? textOf(item.detail);
    if (message === undefined) return [];
    const keyword = textOf(item.code);
    return [keyword === undefined ? { path, message } : { path, message, keyword }];
  });
}

/** One line saying what the server said: its `error`, a problem's title and violations, or the text. */
function summaryOf(body: unknown, rawBody: string, violations: readonly Violation[]): string {
  if (isObject(body)) {
    const said = textOf(body.error) ?? textOf(body.title) ?? textOf(body.message);
    if (said !== undefined) return violations.length ? `${said} (${describeViolations(violations)})` : said;
  }
  return rawBody.replace(/\s+/g, " ").trim().slice(0, 200);
}

// `name` lives on each prototype (not as an own field) so it survives minification and
// does not clutter util.inspect output.
for (const [name, cls] of Object.entries({
  LeadConduitError,
  ConfigurationError,
  ValidationError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
  ResponseValidationError,
  ConnectionError,
  TimeoutError,
  AbortError,
})) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}
