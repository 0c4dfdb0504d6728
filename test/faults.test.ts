// Fault injection over real HTTP: for each way a server can fail, the error class, how many
// attempts the client made, how many requests the server saw, and that the call ends in time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  ConnectionError,
  createLeadConduitClient,
  type LeadConduitError,
  RateLimitError,
  type RequestOptions,
  type RetryInfo,
  TimeoutError,
} from "../src/index.ts";
import { FAULT_CASES } from "./support/cases.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

let tags = 0;
function clientFor(scenario: string, options: RequestOptions = {}) {
  const path = `${scenario}~${++tags}`;
  const retries: RetryInfo[] = [];
  const lc = createLeadConduitClient({
    apiKey: "fault-key",
    baseUrl: `${server.url}/${path}`,
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { lc, retries, requests: () => server.count(path) };
}

describe.concurrent("fault injection", () => {
  it.each(FAULT_CASES.map((c) => [`${c.scenario}${c.options ? ` ${JSON.stringify(c.options)}` : ""}`, c] as const))(
    "%s",
    async (_name, c) => {
      const { lc, retries, requests } = clientFor(c.scenario, c.options);
      const started = performance.now();
      const outcome = await lc.invitations.createRecipient({ email: "mike.jones@example.com" }).then(
        (value) => ({ value }),
        (error: LeadConduitError) => ({ error }),
      );
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(c.withinMs);
      expect(requests()).toBe(c.requests);
      if (c.error) {
        expect("error" in outcome, "the call should have failed").toBe(true);
        const error = (outcome as { error: LeadConduitError }).error;
        expect(error).toBeInstanceOf(c.error);
        expect(error.attempts).toBe(c.attempts);
        if (c.status) expect(error.status).toBe(c.status);
        expect(error.request).toMatchObject({ method: "POST", headers: { authorization: "Basic [REDACTED]" } });
        expect(retries).toHaveLength(c.attempts - 1);
        c.check?.(error, retries);
      } else {
        expect(outcome).toHaveProperty("value");
        expect(retries).toHaveLength(c.attempts - 1);
        c.check?.(undefined, retries);
      }
    },
  );
});

describe("cancellation", () => {
  it("an already aborted signal sends nothing", async () => {
    const { lc, requests } = clientFor("ok");
    const error = await lc.invitations
      .createRecipient({ email: "mike.jones@example.com" }, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(0);
    expect(requests()).toBe(0);
  });

  it("aborting while waiting for an answer stops at once, without retrying", async () => {
    const { lc, requests } = clientFor("hang");
    const controller = new AbortController();
    const pending = lc.invitations.createRecipient({ email: "mike.jones@example.com" }, { signal: controller.signal });
    while (requests() === 0) await new Promise((r) => setImmediate(r));
    const started = performance.now();
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(requests()).toBe(1);
  });

  it("aborting during the backoff wait stops retrying", async () => {
    const controller = new AbortController();
    const { lc, requests } = clientFor("rate-limited-forever", { onRetry: () => controller.abort() });
    const started = performance.now();
    const error = await lc.invitations
      .createRecipient({ email: "mike.jones@example.com" }, { signal: controller.signal, maxRetries: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(requests()).toBe(1);
  });

  it("per-call options override the client's", async () => {
    const { lc, requests } = clientFor("rate-limited-forever", { maxRetries: 5 });
    const error = await lc.invitations
      .createRecipient({ email: "mike.jones@example.com" }, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(requests()).toBe(1);
  });
});

describe("connection failures", () => {
  it("a refused connection is a ConnectionError, retried", async () => {
    const other = await startFaultServer();
    const url = other.url;
    await other.close();
    const lc = createLeadConduitClient({ apiKey: "fault-key", baseUrl: url, maxRetries: 1 });
    const error = await lc.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as ConnectionError).attempts).toBe(2);
    expect((error as ConnectionError).message).toMatch(/Connection failed/);
  });
});
