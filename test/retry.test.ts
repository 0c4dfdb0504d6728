import { describe, expect, it } from "vitest";
import { APIError, ConnectionError, RateLimitError, TimeoutError, ValidationError, AuthenticationError, AbortError } from "../src/index.ts";
import { INITIAL_DELAY_MS, isRetryable, MAX_DELAY_MS, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from "../src/retry.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-26T10:00:00Z");
  it.each([
    ["0", 0],
    ["1", 1_000],
    ["120", 120_000],
    ["1.5", 1_500],
    [" 7 ", 7_000],
    ["Thu, 26 Nov 2026 10:00:30 GMT", 30_000],
    ["Thu, 26 Nov 2026 09:59:00 GMT", 0],
    ["soon", undefined],
    ["-5", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("retryDelay", () => {
  const server = new APIError("x", { status: 503 });
  it("doubles from the initial delay up to the cap, with at most 25% jitter", () => {
    const none = () => 0;
    const most = () => 0.999999;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, server, none));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(delays[0]).toBe(INITIAL_DELAY_MS);
    expect(Math.max(...(delays as number[]))).toBe(MAX_DELAY_MS);
    expect(retryDelay(1, server, most)).toBe(375);
  });

  it("uses Retry-After when the server sent one, up to the cap", () => {
    expect(retryDelay(1, new APIError("x", { status: 503, headers: { "retry-after": "3" } }))).toBe(3_000);
    expect(retryDelay(1, new RateLimitError("x", { status: 429, retryAfterMs: 2_000 }))).toBe(2_000);
    expect(retryDelay(1, new RateLimitError("x", { status: 429, retryAfterMs: MAX_RETRY_AFTER_MS }))).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelay(1, new RateLimitError("x", { status: 429, retryAfterMs: MAX_RETRY_AFTER_MS + 1 }))).toBeUndefined();
  });
});

describe("isRetryable", () => {
  it.each([
    [new APIError("x", { status: 408 }), true],
    [new RateLimitError("x", { status: 429 }), true],
    [new APIError("x", { status: 500 }), true],
    [new ConnectionError("x"), true],
    [new TimeoutError("x"), true],
    [new APIError("x", { status: 409 }), false],
    [new AuthenticationError("x", { status: 401 }), false],
    [new ValidationError("x", { status: 422 }), false],
    [new AbortError("x"), false],
  ])("%s", (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
