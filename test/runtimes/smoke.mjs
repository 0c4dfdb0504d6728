// The runtime smoke suite: one source, run unchanged by Node 20/22/24, Bun, Deno and headless
// Chromium (scripts/test-runtimes.ts). It imports the BUILT package by name: in the JS runtimes
// through the package's own `exports` (self-reference), in the browser through an import map.
// Every check talks to a Prism mock of the spec at `baseUrl`, except the last: it answers a call
// with the package's own testing kit (`leadconduit-client/testing`), in process.
import { AuthenticationError, createLeadConduitClient, LeadConduitError, ValidationError } from "leadconduit-client";
import { createLeadConduitMock } from "leadconduit-client/testing";

const API_KEY = "smoke-test-key";

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
  async "createRecipient returns the pending entity"(baseUrl) {
    const lc = createLeadConduitClient({ apiKey: API_KEY, baseUrl, maxRetries: 0, validateResponses: true });
    const res = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
    check(res.message === "Invitation was sent successfully", `message was ${JSON.stringify(res.message)}`);
    check(res.entity?.name === "A Corporation", `entity.name was ${JSON.stringify(res.entity?.name)}`);
  },

  async "a request without credentials is AuthenticationError 401"(baseUrl) {
    // the client adds the Authorization header just before its fetch; this fetch takes it off
    // again, so the request leaves without it and Prism answers 401
    const withoutAuth = (input, init) => {
      const request = new Request(input, init);
      request.headers.delete("authorization");
      return fetch(request);
    };
    const lc = createLeadConduitClient({ apiKey: API_KEY, baseUrl, maxRetries: 0, fetch: withoutAuth });
    const error = await rejection(lc.invitations.createRecipient({ email: "mike.jones@example.com" }));
    check(error instanceof AuthenticationError, `got ${error?.name}: ${error?.message}`);
    check(error instanceof LeadConduitError, "AuthenticationError is not a LeadConduitError");
    check(error.status === 401, `status was ${error.status}`);
    check(error.attempts === 1, `attempts was ${error.attempts}`);
  },

  async "a bad email is refused before sending (ValidationError, attempts 0)"(baseUrl) {
    let sent = 0;
    const countingFetch = (input, init) => {
      sent++;
      return fetch(input, init);
    };
    const lc = createLeadConduitClient({ apiKey: API_KEY, baseUrl, fetch: countingFetch });
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

CHECKS["the testing kit (leadconduit-client/testing) answers the client in process"] = async () => {
  const mock = createLeadConduitMock({ apiKey: API_KEY });
  const lc = createLeadConduitClient({ apiKey: API_KEY, fetch: mock.fetch, maxRetries: 0, validateResponses: true });
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
export async function runSmoke(baseUrl) {
  const results = [];
  for (const [name, fn] of Object.entries(CHECKS)) {
    const started = Date.now();
    try {
      await fn(baseUrl);
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.stack ?? error) });
    }
  }
  return { ok: results.length > 0 && results.every((r) => r.ok), results };
}
