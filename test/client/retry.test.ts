// The retry policy: which answers are tried again, and how long the client waits, observed
// through the client (a custom fetch answering each attempt, timers on a fake clock) and in
// the two pure functions that compute the wait.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLeadConduitClient, type LeadConduitError, type RetryInfo, ServerError } from "../../src/client/index.ts";
import { parseRetryAfter, retryDelay } from "../../src/client/retry.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

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

describe("through the client", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A client whose fetch answers attempt n with answers[n-1] (the last one repeats). */
  function answering(answers: (() => Response)[], maxRetries = 3) {
    let calls = 0;
    const retries: RetryInfo[] = [];
    const lc = createLeadConduitClient({
      apiKey: "retry-key",
      baseUrl: "https://api.test",
      maxRetries,
      onRetry: (info) => {
        retries.push(info);
        queueMicrotask(() => vi.advanceTimersByTime(info.delayMs));
      },
      fetch: async () => answers[Math.min(calls++, answers.length - 1)]!(),
    });
    const call = () =>
      lc.invitations.createRecipient({ email: "mike.jones@example.com" }).then(
        () => "ok",
        (error: LeadConduitError) => error.name,
      );
    return { call, calls: () => calls, retries };
  }
  const status =
    (code: number, headers: Record<string, string> = {}) =>
    () =>
      Response.json({ error: `status ${code}` }, { status: code, headers });
  const ok = () => Response.json(EXAMPLE_OK);

  it.each([408, 429, 500, 502, 503, 504])("retries %i until it succeeds", async (code) => {
    const { call, calls } = answering([status(code), status(code), ok]);
    expect(await call()).toBe("ok");
    expect(calls()).toBe(3);
  });

  it.each([400, 401, 403, 404, 409, 422, 418])("never retries %i", async (code) => {
    const { call, calls } = answering([status(code), ok]);
    expect(await call()).not.toBe("ok");
    expect(calls()).toBe(1);
  });

  it("retries a failed connection", async () => {
    const { call, calls } = answering([
      () => {
        throw new TypeError("fetch failed");
      },
      ok,
    ]);
    expect(await call()).toBe("ok");
    expect(calls()).toBe(2);
  });

  it("never retries a 2xx whose body breaks the type", async () => {
    const { call, calls } = answering([() => Response.json({}), ok]);
    expect(await call()).toBe("ResponseValidationError");
    expect(calls()).toBe(1);
  });

  it("gives up after maxRetries, with the last error", async () => {
    const { call, calls, retries } = answering([status(503)], 2);
    expect(await call()).toBe("ServerError");
    expect(calls()).toBe(3);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
  });

  it("backs off exponentially from 500 ms with up to 25% jitter", async () => {
    const { call, retries } = answering([status(500)], 6);
    await call();
    retries.forEach((r, i) => {
      const full = Math.min(500 * 2 ** i, 8_000);
      expect(r.delayMs, `retry ${i + 1}`).toBeLessThanOrEqual(full);
      expect(r.delayMs, `retry ${i + 1}`).toBeGreaterThanOrEqual(full * 0.75);
    });
    expect(retries).toHaveLength(6);
  });

  it("waits exactly what Retry-After asks, seconds or an HTTP date, up to 60 s", async () => {
    // the HTTP date is read against the clock: fake Date too, at 10:00:00 (3 s later at retry 2)
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: Date.parse("2026-11-26T10:00:00Z") });
    const { call, retries } = answering([
      status(429, { "retry-after": "3" }),
      status(503, { "retry-after": "Thu, 26 Nov 2026 10:00:10 GMT" }),
      status(429, { "retry-after": "60" }),
      ok,
    ]);
    expect(await call()).toBe("ok");
    expect(retries.map((r) => r.delayMs)).toEqual([3_000, 7_000, 60_000]);
  });

  it("does not wait for a Retry-After over 60 s: the call fails at once with it", async () => {
    const { call, calls, retries } = answering([status(429, { "retry-after": "61" }), ok]);
    expect(await call()).toBe("RateLimitError");
    expect(calls()).toBe(1);
    expect(retries).toEqual([]);
  });
});

describe("retryDelay", () => {
  it("is the full backoff with no jitter and three quarters of it with the most", () => {
    const error = new ServerError("x", { status: 503 });
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, error, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
    expect([1, 2, 3].map((n) => retryDelay(n, error, () => 0.999999))).toEqual([375, 750, 1_500]);
  });
});
