// The tables the fault, input and leak tests share.
import { expect } from "vitest";
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  type LeadConduitError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type RequestOptions,
  ResponseValidationError,
  type RetryInfo,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../src/client/index.ts";
import { EXAMPLE_OK } from "./fault-server.ts";

export interface FaultCase {
  scenario: string;
  options?: RequestOptions;
  error?: new (...args: never[]) => LeadConduitError;
  status?: number;
  attempts: number;
  requests: number;
  check?: (error: LeadConduitError | undefined, retries: RetryInfo[]) => void;
}

export const FAULT_CASES: FaultCase[] = [
  { scenario: "ok", attempts: 1, requests: 1 },
  {
    scenario: "flaky-5xx",
    options: { maxRetries: 3 },
    attempts: 4,
    requests: 4,
    check: (_e, retries) => {
      expect(retries.map((r) => r.error.status)).toEqual([500, 502, 503]);
      // exponential backoff with at most 25% jitter: 500, 1000, 2000 ms at most
      retries.forEach((r, i) => {
        expect(r.delayMs).toBeLessThanOrEqual(500 * 2 ** i);
        expect(r.delayMs).toBeGreaterThanOrEqual(375 * 2 ** i);
      });
    },
  },
  { scenario: "flaky-5xx", error: ServerError, status: 503, attempts: 3, requests: 3 },
  { scenario: "timeout-408-then-ok", attempts: 2, requests: 2 },
  {
    scenario: "retry-after-1",
    attempts: 2,
    requests: 2,
    check: (_e, retries) => expect(retries.map((r) => r.delayMs)).toEqual([1_000]),
  },
  {
    scenario: "rate-limited-forever",
    error: RateLimitError,
    status: 429,
    attempts: 3,
    requests: 3,
    check: (e) => expect((e as RateLimitError).retryAfterMs).toBeUndefined(),
  },
  {
    scenario: "retry-after-too-long",
    error: RateLimitError,
    status: 429,
    attempts: 1,
    requests: 1,
    check: (e) => expect((e as RateLimitError).retryAfterMs).toBe(3_600_000),
  },
  { scenario: "reset-mid-response", options: { maxRetries: 1 }, error: ConnectionError, attempts: 2, requests: 2 },
  {
    scenario: "hang",
    options: { timeoutMs: 200, maxRetries: 1 },
    error: TimeoutError,
    attempts: 2,
    requests: 2,
    check: (e) => expect(e).toBeInstanceOf(ConnectionError),
  },
  {
    scenario: "truncated-json",
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => {
      expect(e!.rawBody).toBe(JSON.stringify(EXAMPLE_OK).slice(0, 40));
      expect(e!.message).toContain("not JSON");
    },
  },
  {
    scenario: "html-502",
    options: { maxRetries: 1 },
    error: ServerError,
    status: 502,
    attempts: 2,
    requests: 2,
    check: (e) => {
      expect(e!.rawBody).toContain("<h1>502 Bad Gateway</h1>");
      expect(e!.headers!["content-type"]).toBe("text/html");
    },
  },
  {
    scenario: "empty-200",
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => expect(e!.rawBody).toBe(""),
  },
  {
    scenario: "breaks-spec-200",
    options: { validateResponses: true },
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => {
      expect((e as ResponseValidationError).violations.map((v) => v.path).sort()).toEqual([
        "/entity/connected",
        "/entity/flow_ids/0",
        "/entity/name",
      ]);
      // the parsed body is kept, so the caller can see what the server sent
      expect(e!.body).toMatchObject({ message: EXAMPLE_OK.message, entity: { connected: "telepathy" } });
    },
  },
  // a body that is not even the documented envelope is refused whatever validateResponses says
  {
    scenario: "breaks-spec-200",
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => {
      expect((e as ResponseValidationError).violations.map((v) => v.path).sort()).toEqual([
        "/entity/connected",
        "/entity/name",
      ]);
      expect(e!.message).toMatch(/not the documented envelope/);
    },
  },
  // validation of responses is off by default: a body that keeps the type but breaks a format comes back as sent
  { scenario: "breaks-format-200", attempts: 1, requests: 1 },
  {
    scenario: "breaks-format-200",
    options: { validateResponses: true },
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => {
      expect((e as ResponseValidationError).violations.map((v) => v.path).sort()).toEqual([
        "/entity/created_at",
        "/entity/flow_ids/0",
      ]);
    },
  },
  {
    scenario: "text-200",
    options: { validateResponses: true },
    error: ResponseValidationError,
    status: 200,
    attempts: 1,
    requests: 1,
    check: (e) => expect(e!.message).toContain("text/plain"),
  },
  {
    scenario: "auth-401",
    error: AuthenticationError,
    status: 401,
    attempts: 1,
    requests: 1,
    check: (e) => expect(e!.body).toEqual({ error: "authentication failed" }),
  },
  { scenario: "forbidden-403", error: PermissionError, status: 403, attempts: 1, requests: 1 },
  { scenario: "not-found-404", error: NotFoundError, status: 404, attempts: 1, requests: 1 },
  { scenario: "unprocessable-422", error: UnprocessableEntityError, status: 422, attempts: 1, requests: 1 },
  { scenario: "bad-request-400", error: BadRequestError, status: 400, attempts: 1, requests: 1 },
  {
    scenario: "teapot-418",
    error: APIError,
    status: 418,
    attempts: 1,
    requests: 1,
    check: (e) => expect(e!.constructor).toBe(APIError),
  },
  { scenario: "echo-auth-500", options: { maxRetries: 0 }, error: ServerError, status: 500, attempts: 1, requests: 1 },
  {
    scenario: "echo-auth-headers-401",
    error: AuthenticationError,
    status: 401,
    attempts: 1,
    requests: 1,
    check: (e) => {
      expect(e!.headers!["x-debug-authorization"]).toBe("Basic [REDACTED]");
      expect(e!.headers!["set-cookie"]).toBe("[REDACTED]");
      expect(e!.headers!["www-authenticate"]).toBe('Basic realm="[REDACTED]"');
    },
  },
  {
    scenario: "unavailable-retry-after-3600",
    error: ServerError,
    status: 503,
    attempts: 1,
    requests: 1,
    // too long to wait for: the call fails at once, saying what the server asked
    check: (e) => expect((e as ServerError).retryAfterMs).toBe(3_600_000),
  },
];

/** [what, input, the path the violation must name] */
export const BAD_EMAIL_INPUTS: [string, unknown, string][] = [
  ["missing email", {}, "body/email"],
  ["email a number", { email: 5 }, "body/email"],
  ["email true", { email: true }, "body/email"],
  ["email null", { email: null }, "body/email"],
  ["email an object", { email: { address: "mike.jones@example.com" } }, "body/email"],
  ["email an array", { email: ["mike.jones@example.com"] }, "body/email"],
  ["email empty", { email: "" }, "body/email"],
  ["email whitespace", { email: "   " }, "body/email"],
  ["no @", { email: "mike.jones.example.com" }, "body/email"],
  ["two @", { email: "mike@jones@example.com" }, "body/email"],
  ["no local part", { email: "@example.com" }, "body/email"],
  ["no domain", { email: "mike.jones@" }, "body/email"],
  ["domain without a dot", { email: "mike.jones@example" }, "body/email"],
  ["space inside", { email: "mike jones@example.com" }, "body/email"],
  ["leading space", { email: " mike.jones@example.com" }, "body/email"],
  ["trailing newline", { email: "mike.jones@example.com\n" }, "body/email"],
  ["NUL byte", { email: "mike\u0000jones@example.com" }, "body/email"],
  ["CRLF header injection", { email: "mike@example.com\r\nBcc: all@example.com" }, "body/email"],
  ["over-long (255 chars)", { email: `${"a".repeat(243)}@example.com` }, "body/email"],
  ["domain label starting with -", { email: "mike@-example.com" }, "body/email"],
  ["angle brackets", { email: "<mike@example.com>" }, "body/email"],
  ["display-name form", { email: "Mike <mike@example.com>" }, "body/email"],
  ["non-ASCII local part ([ours]: ASCII only)", { email: "mïke@example.com" }, "body/email"],
  ["unknown property", { email: "mike.jones@example.com", admin: true }, "body/admin"],
  ["body null", null, "body"],
  ["body undefined", undefined, "body"],
  ["body a string", "mike.jones@example.com", "body"],
  ["body an array", ["mike.jones@example.com"], "body"],
];

export const BAD_ENTITY_IDS: [string, unknown][] = [
  ["too short", "64b8f0f5e4b0c3a1d5e6f7a"],
  ["too long", "64b8f0f5e4b0c3a1d5e6f7a80"],
  ["not hex", "64b8f0f5e4b0c3a1d5e6f7zz"],
  ["empty", ""],
  ["path traversal", "../../accounts/5fd4371e"],
  ["a number", 123],
  ["undefined", undefined],
];
