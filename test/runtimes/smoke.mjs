// The runtime smoke suite: one source, run unchanged by Node 20/22/24, Bun, Deno and headless
// Chromium (test/runtimes/runtimes.test.ts). It imports the package by name, as an app that
// installed it does: in the JS runtimes from the app's node_modules, in the browser through an
// import map. Every check talks over HTTP to a server that implements the spec at `baseUrl` and
// takes `apiKey` (the kit's mock behind node:http), except the last: it answers a call with the
// package's own testing kit (`leadconduit-client/testing`), in process.
import { AuthenticationError, createLeadConduitClient, LeadConduitError, ValidationError } from "leadconduit-client";
import { createLeadConduitMock } from "leadconduit-client/testing";

const KIT_KEY = "smoke-test-key";

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, it succeeded");
}

const CHECKS = {
  async "createRecipient returns the pending entity"(baseUrl, apiKey) {
    const lc = createLeadConduitClient({ apiKey, baseUrl, maxRetries: 0, validateResponses: true });
    const res = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
    check(res.message === "Invitation was sent successfully", `message was ${JSON.stringify(res.message)}`);
    check(res.entity?.name === "A Corporation", `entity.name was ${JSON.stringify(res.entity?.name)}`);
  },

  async "a request without credentials is AuthenticationError 401"(baseUrl, apiKey) {
    // the client adds the Authorization header just before its fetch; this fetch takes it off
    // again, so the request leaves without it and the server answers 401
    const withoutAuth = (input, init) => {
      const request = new Request(input, init);
      request.headers.delete("authorization");
      return fetch(request);
    };
    const lc = createLeadConduitClient({ apiKey, baseUrl, maxRetries: 0, fetch: withoutAuth });
    const error = await rejection(lc.invitations.createRecipient({ email: "mike.jones@example.com" }));
    check(error instanceof AuthenticationError, `got ${error?.name}: ${error?.message}`);
    check(error instanceof LeadConduitError, "AuthenticationError is not a LeadConduitError");
    check(error.status === 401, `status was ${error.status}`);
    check(error.attempts === 1, `attempts was ${error.attempts}`);
  },

  async "a bad email is refused before sending (ValidationError, attempts 0)"(baseUrl, apiKey) {
    let sent = 0;
    const countingFetch = (input, init) => {
      sent++;
      return fetch(input, init);
    };
    const lc = createLeadConduitClient({ apiKey, baseUrl, fetch: countingFetch });
    const error = await rejection(lc.invitations.createRecipient({ email: "not an email" }));
    check(error instanceof ValidationError, `got ${error?.name}: ${error?.message}`);
    check(error.attempts === 0, `attempts was ${error.attempts}`);
    check(
      error.violations.some((v) => v.path === "body/email"),
      `violations: ${JSON.stringify(error.violations)}`,
    );
    check(sent === 0, `fetch was called ${sent} time(s)`);
  },
};

CHECKS["User-Agent: leadconduit-client/<version> where the runtime lets a client set it, none in a browser"] = async (
  baseUrl,
  apiKey,
) => {
  let agent;
  const recording = (input, init) => {
    agent = new Request(input, init).headers.get("user-agent");
    return fetch(input, init);
  };
  const lc = createLeadConduitClient({ apiKey, baseUrl, maxRetries: 0, fetch: recording });
  await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
  // a page keeps its own User-Agent (Chromium drops a script's, and one would cost a CORS preflight)
  const browser = typeof document !== "undefined";
  if (browser) check(agent === null, `a browser request carried User-Agent ${agent}`);
  else check(/^leadconduit-client\/\d+\.\d+\.\d+/.test(agent ?? ""), `User-Agent was ${agent}`);
};

CHECKS["the testing kit (leadconduit-client/testing) answers the client in process"] = async () => {
  const mock = createLeadConduitMock({ apiKey: KIT_KEY });
  const lc = createLeadConduitClient({ apiKey: KIT_KEY, fetch: mock.fetch, maxRetries: 0, validateResponses: true });
  const res = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
  check(res.entity.id === "6d6f636b0000000000000001", `entity.id was ${JSON.stringify(res.entity?.id)}`);
  mock.reply("resendInvitation", { status: 401 });
  const error = await rejection(lc.invitations.resend(res.entity.id));
  check(error instanceof AuthenticationError, `got ${error?.name}: ${error?.message}`);
  const [call] = mock.calls;
  check(call?.operationId === "createRecipientInvitation", `calls: ${JSON.stringify(mock.calls)}`);
  check(call.headers.authorization === "Basic [REDACTED]", `authorization was ${call.headers.authorization}`);
  mock.assertNoViolations();
};

/** Runs every check; never throws. `{ ok, results: [{ name, ok, ms, error? }] }` */
export async function runSmoke(baseUrl, apiKey) {
  const results = [];
  for (const [name, fn] of Object.entries(CHECKS)) {
    const started = Date.now();
    try {
      await fn(baseUrl, apiKey);
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
    }
  }
  return { ok: results.length > 0 && results.every((r) => r.ok), results };
}
