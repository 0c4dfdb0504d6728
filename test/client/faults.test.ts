// Fault injection over real HTTP: for each way a server can fail, the error class, how many
// attempts the client made, how many requests the server saw, and how long the client waited.
// The client's timers run on vitest's fake clock, moved on exactly when the client waits (a
// backoff, a Retry-After, an attempt's time limit), so no case sleeps and every wait is exact.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ConnectionError,
  createLeadConduitClient,
  type LeadConduitError,
  RateLimitError,
  type RequestOptions,
  TimeoutError,
} from "../../src/client/index.ts";
import { FAULT_CASES } from "../support/cases.ts";
import { fakeClockClient } from "../support/fault-client.ts";
import { type FaultServer, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  server.onArrival = undefined;
  vi.useRealTimers();
});

const clientFor = (scenario: string, options?: RequestOptions) => fakeClockClient(server, scenario, options);
const invite = (lc: ReturnType<typeof createLeadConduitClient>, options?: RequestOptions) =>
  lc.invitations.createRecipient({ email: "mike.jones@example.com" }, options);

describe("fault injection", () => {
  it.each(FAULT_CASES.map((c) => [`${c.scenario}${c.options ? ` ${JSON.stringify(c.options)}` : ""}`, c] as const))(
    "%s",
    async (_name, c) => {
      const { lc, retries, requests, waited } = clientFor(c.scenario, c.options);
      const outcome = await invite(lc).then(
        (value) => ({ value }),
        (error: LeadConduitError) => ({ error }),
      );
      expect(requests()).toBe(c.requests);
      expect(retries).toHaveLength(c.attempts - 1);
      // the client waited for its backoffs and time limits, and for nothing else
      const timeouts = c.error === TimeoutError ? c.attempts * c.options!.timeoutMs! : 0;
      expect(waited()).toBe(retries.reduce((sum, r) => sum + r.delayMs, 0) + timeouts);
      if (c.error) {
        expect("error" in outcome, "the call should have failed").toBe(true);
        const error = (outcome as { error: LeadConduitError }).error;
        expect(error).toBeInstanceOf(c.error);
        expect(error.attempts).toBe(c.attempts);
        if (c.status) expect(error.status).toBe(c.status);
        expect(error.request).toMatchObject({ method: "POST", headers: { authorization: "Basic [REDACTED]" } });
        c.check?.(error, retries);
      } else {
        expect(outcome).toHaveProperty("value");
        c.check?.(undefined, retries);
      }
    },
  );
});

describe("cancellation", () => {
  it("an already aborted signal sends nothing", async () => {
    const { lc, requests } = clientFor("ok");
    const error = await invite(lc, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(0);
    expect(requests()).toBe(0);
  });

  it("aborting while waiting for an answer stops at once, without retrying and without the clock moving", async () => {
    const { lc, requests, waited } = clientFor("hang");
    const controller = new AbortController();
    const pending = invite(lc, { signal: controller.signal });
    while (requests() === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    expect(requests()).toBe(1);
    expect(waited()).toBe(0);
  });

  it("aborting during the backoff wait stops retrying at once", async () => {
    const controller = new AbortController();
    let waits = 0;
    // aborts instead of letting the clock reach the end of the backoff
    const lc = createLeadConduitClient({
      apiKey: "fault-key",
      baseUrl: `${server.url}/rate-limited-forever~abort-during-backoff`,
      onRetry: () => {
        waits++;
        // once the backoff's timer is set
        queueMicrotask(() => controller.abort());
      },
    });
    const error = await invite(lc, { signal: controller.signal, maxRetries: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    // settled though the clock never moved: the client did not wait out the backoff
    expect(waits).toBe(1);
  });

  it("per-call options override the client's", async () => {
    const { lc, requests } = clientFor("rate-limited-forever", { maxRetries: 5 });
    const error = await invite(lc, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(requests()).toBe(1);
  });
});

describe("connection failures", () => {
  it("a refused connection is a ConnectionError, retried", async () => {
    const other = await startFaultServer();
    const url = other.url;
    await other.close();
    const lc = createLeadConduitClient({
      apiKey: "fault-key",
      baseUrl: url,
      maxRetries: 1,
      onRetry: (info) => queueMicrotask(() => vi.advanceTimersByTime(info.delayMs)),
    });
    const error = await invite(lc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).attempts).toBe(2);
    expect((error as ConnectionError).message).toMatch(/Connection failed/);
  });
});
