// The API key must never leave the client: not in a message, String(err), JSON.stringify(err),
// util.inspect(err, { depth: 10 }), what onResponseViolation is told, nor the client object
// itself. Every error path where a request carrying the key went out is run with a distinctive
// key; the key and the forms it travels in are searched for.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { basicAuthorization, createLeadConduitClient, type LeadConduitError } from "../../src/client/index.ts";
import { FAULT_CASES } from "../support/cases.ts";
import { fakeClockClient } from "../support/fault-client.ts";
import { type FaultServer, startFaultServer } from "../support/fault-server.ts";
import { expectNoKey, keyForms } from "../support/leaks.ts";

const KEY = "sk-CANARY-7f3a9c1e-ÄPI-κλειδί";
const FORMS = keyForms(KEY);

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

let leakChecks = 0;
function expectNoLeak(value: unknown, what: string) {
  leakChecks += expectNoKey(value, FORMS, what);
}

const failing = FAULT_CASES.filter((c) => c.error);

// Every value below had the key in reach: a request carrying it went out, or the client holds it.
describe("no error path leaks the key", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    server.onArrival = undefined;
    vi.useRealTimers();
  });

  it.each(failing.map((c) => [c.scenario, c] as const))("server fault: %s", async (scenario, c) => {
    const { invite } = fakeClockClient(server, scenario, c.options, KEY);
    const error = await invite().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(c.error!);
    expectNoLeak(error, scenario);
  });

  it("the echoing server really did echo the key (so the redaction above was exercised)", async () => {
    vi.useRealTimers();
    const response = await fetch(`${server.url}/echo-auth-500~raw`, {
      method: "POST",
      headers: { authorization: basicAuthorization(KEY) },
    });
    expect(await response.text()).toContain(KEY);
  });

  it("timeout, abort and refused connection", async () => {
    const errors: unknown[] = [];
    const hang = fakeClockClient(server, "hang", { timeoutMs: 100, maxRetries: 0 }, KEY);
    errors.push(await hang.invite().catch((e: unknown) => e));
    const aborted = fakeClockClient(server, "hang", { maxRetries: 0 }, KEY);
    const controller = new AbortController();
    server.onArrival = () => controller.abort();
    errors.push(await aborted.invite({ signal: controller.signal }).catch((e: unknown) => e));
    const closed = await startFaultServer();
    await closed.close();
    const refused = createLeadConduitClient({ apiKey: KEY, baseUrl: closed.url, maxRetries: 0 });
    errors.push(
      await refused.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e),
    );
    expect(errors.map((e) => (e as LeadConduitError).name)).toEqual(["TimeoutError", "AbortError", "ConnectionError"]);
    for (const error of errors)
      expect((error as LeadConduitError).request?.headers.authorization).toBe("Basic [REDACTED]");
    errors.forEach((e, i) => {
      expectNoLeak(e, `error ${i}`);
    });
  });

  it('what "report" mode tells onResponseViolation', async () => {
    const reports: unknown[] = [];
    const { invite } = fakeClockClient(
      server,
      "breaks-format-200",
      {
        validateResponses: "report",
        onResponseViolation: (info) => reports.push(info),
      },
      KEY,
    );
    await invite();
    expect(reports).toHaveLength(1);
    expectNoLeak(reports[0], "onResponseViolation info");
  });

  it("the client object itself", () => {
    const lc = createLeadConduitClient({ apiKey: KEY, baseUrl: `${server.url}/ok~leak4` });
    expectNoLeak(lc, "client");
    expectNoLeak(lc.raw, "raw client");
  });
});

afterAll(() => {
  // printed so the closing note can quote it
  console.log(
    `leak checks: ${leakChecks} (each rendering of each value searched for ${FORMS.length} forms of the key)`,
  );
});
