// The API key must never leave the client: not in a message, String(err), JSON.stringify(err),
// util.inspect(err, { depth: 10 }), nor in the client object itself. Every error path is run
// with a distinctive key; the key and the Basic token made from it are searched for.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuthorization, createLeadConduitClient, type LeadConduitError } from "../src/index.ts";
import { BAD_EMAIL_INPUTS, FAULT_CASES } from "./support/cases.ts";
import { type FaultServer, startFaultServer } from "./support/fault-server.ts";

const KEY = "sk-CANARY-7f3a9c1e-ÄPI-κλειδί";
const TOKEN = basicAuthorization(KEY).slice("Basic ".length);
const FORMS = [KEY, TOKEN, encodeURIComponent(KEY), Buffer.from(KEY, "utf8").toString("hex")];

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

let leakChecks = 0;
function expectNoLeak(value: unknown, what: string) {
  const renderings = {
    message: value instanceof Error ? value.message : "",
    string: String(value),
    json: JSON.stringify(value) ?? "",
    inspect: inspect(value, { depth: 10, showHidden: false }),
    inspectHidden: inspect(value, { depth: 10, showHidden: true }),
    stack: value instanceof Error ? (value.stack ?? "") : "",
  };
  for (const [how, text] of Object.entries(renderings)) {
    for (const form of FORMS) {
      leakChecks++;
      expect(text.includes(form), `${what}: the key leaked through ${how}`).toBe(false);
    }
  }
}

const failing = FAULT_CASES.filter((c) => c.error);

describe.concurrent("no error path leaks the key", () => {
  it.each(failing.map((c) => [c.scenario, c] as const))("server fault: %s", async (scenario, c) => {
    const lc = createLeadConduitClient({
      apiKey: KEY,
      baseUrl: `${server.url}/${scenario}~leak`,
      ...c.options,
      maxRetries: Math.min(c.options?.maxRetries ?? 0, 1),
    });
    const error = await lc.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(c.error!);
    expectNoLeak(error, scenario);
  });

  it("the echoing server really did echo the key (so the redaction above was exercised)", async () => {
    const response = await fetch(`${server.url}/echo-auth-500~raw`, {
      method: "POST",
      headers: { authorization: basicAuthorization(KEY) },
    });
    expect(await response.text()).toContain(KEY);
  });

  it.each(BAD_EMAIL_INPUTS.slice(0, 6))("client-side refusal: %s", async (_what, input) => {
    const lc = createLeadConduitClient({ apiKey: KEY, baseUrl: `${server.url}/ok~leak-input` });
    const error = await lc.invitations.createRecipient(input as never).catch((e: unknown) => e);
    expectNoLeak(error, "validation");
  });

  it("timeout, abort, refused connection and insecure transport", async () => {
    const errors: unknown[] = [];
    const hang = createLeadConduitClient({ apiKey: KEY, baseUrl: `${server.url}/hang~leak2`, timeoutMs: 100, maxRetries: 0 });
    errors.push(await hang.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e));
    errors.push(
      await hang.invitations
        .createRecipient({ email: "mike.jones@example.com" }, { signal: AbortSignal.timeout(50), timeoutMs: 5_000 })
        .catch((e: unknown) => e),
    );
    const closed = await startFaultServer();
    await closed.close();
    const refused = createLeadConduitClient({ apiKey: KEY, baseUrl: closed.url, maxRetries: 0 });
    errors.push(await refused.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e));
    errors.push(
      (() => {
        try {
          return createLeadConduitClient({ apiKey: KEY, baseUrl: "http://leadconduit.example.com" });
        } catch (e) {
          return e;
        }
      })(),
    );
    const raw = createLeadConduitClient({ apiKey: KEY, baseUrl: `${server.url}/ok~leak3` }).raw;
    errors.push(
      await raw
        .POST("/invitations/recipient", { body: { email: "a@example.com" }, baseUrl: "http://leadconduit.example.com" })
        .catch((e: unknown) => e),
    );
    expect(errors.map((e) => (e as LeadConduitError).name)).toEqual([
      "TimeoutError",
      "AbortError",
      "ConnectionError",
      "ConfigurationError",
      "ConfigurationError",
    ]);
    errors.forEach((e, i) => expectNoLeak(e, `error ${i}`));
  });

  it("the client object itself", () => {
    const lc = createLeadConduitClient({ apiKey: KEY, baseUrl: `${server.url}/ok~leak4` });
    expectNoLeak(lc, "client");
    expectNoLeak(lc.raw, "raw client");
  });
});

afterAll(() => {
  // printed so the closing note can quote it
  console.log(`leak checks: ${leakChecks} (each rendering of each value searched for ${FORMS.length} forms of the key)`);
});
