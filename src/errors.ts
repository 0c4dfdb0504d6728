// One hierarchy for every failure, so callers need `instanceof` and nothing else. Errors keep
// a redacted copy of the request and never the API key (see redact.ts).
import type { ValidationIssue } from "../generated/validators.js";

export interface RedactedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A problem with input or output, located by a JSON pointer into the checked value. */
export interface Violation {
  /** e.g. `body/email`, `/entity/source` */
  path: string;
  message: string;
  keyword?: string;
}

export interface ErrorDetails {
  status?: number;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  attempts?: number;
  request?: RedactedRequest;
  cause?: unknown;
}

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

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    const { cause: _cause, ...rest } = details;
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) Object.defineProperty(this, key, { value, enumerable: true });
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const key of Object.keys(this)) out[key] = (this as Record<string, unknown>)[key];
    if (this.cause instanceof Error) out.cause = `${this.cause.name}: ${this.cause.message}`;
    return out;
  }
}

/** Construction or call options that cannot work (no API key, a bad base URL, plain HTTP). */
export class ConfigurationError extends LeadConduitError {
}

/** The server answered with a status that is not 2xx. Subclasses name the common ones. */
export class APIError extends LeadConduitError {
  declare readonly status: number;
}
export class AuthenticationError extends APIError {
}
export class PermissionError extends APIError {
}
export class NotFoundError extends APIError {
}
export class RateLimitError extends APIError {
  /** What the server's Retry-After asked for, when it sent one. */
  declare readonly retryAfterMs?: number;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number } = {}) {
    const { retryAfterMs, ...rest } = details;
    super(message, rest);
    if (retryAfterMs !== undefined) Object.defineProperty(this, "retryAfterMs", { value: retryAfterMs, enumerable: true });
  }
}
export class ServerError extends APIError {
}

/** The client refused the input before sending (attempts 0), or the server answered 400/422. */
export class ValidationError extends LeadConduitError {
  declare readonly violations: Violation[];
  constructor(message: string, details: ErrorDetails & { violations?: Violation[] } = {}) {
    const { violations = [], ...rest } = details;
    super(message, rest);
    Object.defineProperty(this, "violations", { value: violations, enumerable: true });
  }
}

/** A 2xx response whose body breaks the spec, or is not JSON at all. */
export class ResponseValidationError extends LeadConduitError {
  declare readonly violations: Violation[];
  constructor(message: string, details: ErrorDetails & { violations?: Violation[] } = {}) {
    const { violations = [], ...rest } = details;
    super(message, rest);
    Object.defineProperty(this, "violations", { value: violations, enumerable: true });
  }
}

/** fetch itself failed: DNS, refused or reset connection, a body cut off mid-stream. */
export class ConnectionError extends LeadConduitError {
}
/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends ConnectionError {
}
/** The caller's `signal` aborted the call. */
export class AbortError extends LeadConduitError {
}

export function violationsOf(issues: readonly ValidationIssue[] | null | undefined, prefix = ""): Violation[] {
  return (issues ?? []).map((issue) => {
    const missing = issue.keyword === "required" ? `/${String(issue.params.missingProperty)}` : "";
    const extra = issue.keyword === "additionalProperties" ? `/${String(issue.params.additionalProperty)}` : "";
    return {
      path: `${prefix}${issue.instancePath}${missing}${extra}` || "/",
      message: issue.message ?? issue.keyword,
      keyword: issue.keyword,
    };
  });
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.path} ${v.message}`).join("; ");
}

// `name` lives on each prototype (not as an own field) so it survives minification and
// does not clutter util.inspect output.
for (const [cls, name] of [
  [LeadConduitError, "LeadConduitError"],
  [ConfigurationError, "ConfigurationError"],
  [APIError, "APIError"],
  [AuthenticationError, "AuthenticationError"],
  [PermissionError, "PermissionError"],
  [NotFoundError, "NotFoundError"],
  [RateLimitError, "RateLimitError"],
  [ServerError, "ServerError"],
  [ValidationError, "ValidationError"],
  [ResponseValidationError, "ResponseValidationError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"],
  [AbortError, "AbortError"],
] as const) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}
