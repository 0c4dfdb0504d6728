// The mock never shows a key: not the one it was created with, nor a wrong one an app sent, in
// any form (the key, its Basic token, URL-encoded, JSON-escaped), through calls, violations,
// refusal bodies, errors, assertNoViolations output or the mock object itself, even when the
// app puts the key where it does not belong (body, property name, path, query, headers).
import { afterAll, describe, expect, it } from "vitest";
import { basicAuthorization, createLeadConduitClient } from "../../src/client/index.ts";
import { createLeadConduitMock, type LeadConduitMock, makeInvitationResponse } from "../../src/testing/index.ts";
import { expectNoKey, keyForms } from "../support/leaks.ts";

const KEY = 'sk-CANARY-7f3a"\\-ÄPI-κλειδί';
const WRONG = "sk-WRONG-CANARY-0b1d2e";
const FORMS = [...keyForms(KEY), ...keyForms(WRONG)];

let checks = 0;
function expectNoKeyIn(value: unknown, what: string) {
  checks += expectNoKey(value, FORMS, what);
}

/** Sends a request carrying the key in the wrong places; returns the answer's text. */
async function abuse(
  mock: LeadConduitMock,
  key: string,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const res = await mock.fetch(`https://app.leadconduit.com${request.path}`, {
    method: request.method,
    headers: { authorization: basicAuthorization(key), "content-type": "application/json", ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return res.text();
}

const ABUSES = [
  ["the key as the email", { method: "POST", path: "/invitations/recipient", body: JSON.stringify({ email: KEY }) }],
  [
    "the key as a property name",
    { method: "POST", path: "/invitations/source", body: JSON.stringify({ email: "a@example.com", [KEY]: 1 }) },
  ],
  ["the key as entityId", { method: "PUT", path: `/invitations/${encodeURIComponent(KEY)}/resend` }],
  ["the key in an unknown path", { method: "POST", path: `/invitations/${encodeURIComponent(KEY)}`, body: "{}" }],
  [
    "the key in the query",
    { method: "POST", path: `/invitations/recipient?api_key=${encodeURIComponent(KEY)}`, body: "{}" },
  ],
  // header values are bytes (Latin-1): the key travels there URL-encoded
  [
    "the key in headers",
    {
      method: "POST",
      path: "/invitations/recipient",
      headers: { "x-api-key": encodeURIComponent(KEY), "x-custom": `token ${encodeURIComponent(KEY)}` },
      body: "{}",
    },
  ],
  ["the key in a body that is not JSON", { method: "POST", path: "/invitations/recipient", body: `{${KEY}` }],
  [
    "the key as text",
    { method: "POST", path: "/invitations/recipient", headers: { "content-type": "text/plain" }, body: KEY },
  ],
] as const;

describe("the mock never shows a key", () => {
  afterAll(() => {
    expect(checks).toBeGreaterThan(500);
  });

  it("the mock object itself", () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    expectNoKeyIn(mock, "mock");
    expectNoKeyIn(Object.entries(mock), "mock entries");
  });

  it.each(ABUSES)("calls, violations, refusal bodies and assertNoViolations: %s", async (name, request) => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    for (const key of [KEY, WRONG]) {
      const answer = await abuse(mock, key, request);
      expectNoKeyIn(answer, `${name}: the answer`);
    }
    expect(mock.calls).toHaveLength(2);
    expectNoKeyIn(mock.calls, `${name}: calls`);
    expectNoKeyIn(mock.violations, `${name}: violations`);
    let error: unknown;
    try {
      mock.assertNoViolations();
    } catch (e) {
      error = e;
    }
    expect(error, `${name} should break the spec`).toBeInstanceOf(Error);
    expectNoKeyIn(error, `${name}: assertNoViolations`);
  });

  it("the redaction above was exercised: the key really was in those requests", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await abuse(mock, KEY, ABUSES[0][1]);
    expect(JSON.stringify(mock.calls)).toContain("[REDACTED]");
    expect(mock.calls[0]!.body).toEqual({ email: "[REDACTED]" });
    expect(mock.calls[0]!.headers.authorization).toBe("Basic [REDACTED]");
  });

  it("through the client: the usual path, a wrong key, scripted failures and refusals", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const lc = createLeadConduitClient({
      apiKey: KEY,
      fetch: mock.fetch,
      maxRetries: 0,
      validateRequests: false,
      timeoutMs: 20,
    });
    const wrong = createLeadConduitClient({ apiKey: WRONG, fetch: mock.fetch, maxRetries: 0 });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    const errors = [
      await wrong.invitations.createSource({ email: "a@example.com" }).catch((e: unknown) => e),
      await lc.invitations.createRecipient({ email: KEY }).catch((e: unknown) => e),
      // the key as a path parameter: the error's copy of the request URL is redacted too
      await lc.invitations.resend(KEY).catch((e: unknown) => e),
    ];
    mock.fail("resendInvitation", "network");
    errors.push(await lc.invitations.resend("0123456789abcdef01234567").catch((e: unknown) => e));
    mock.fail("resendInvitation", "timeout");
    errors.push(await lc.invitations.resend("0123456789abcdef01234567").catch((e: unknown) => e));
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expectNoKeyIn(error, `client error ${(error as Error).name}`);
    }
    expectNoKeyIn(mock.calls, "calls");
    expectNoKeyIn(mock.violations, "violations");
  });

  it("errors of the kit: a reply or fixture with the key in it", () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const thrown: unknown[] = [];
    for (const act of [
      () => mock.reply("createRecipientInvitation", { status: 200, body: { message: KEY, entity: { id: KEY } } }),
      () => mock.reply("createRecipientInvitation", { status: 200, body: `{"message":"${KEY}` }),
      () => makeInvitationResponse({ entity: { id: KEY } }),
    ]) {
      try {
        act();
      } catch (error) {
        thrown.push(error);
      }
    }
    expect(thrown).toHaveLength(3);
    for (const error of thrown) expectNoKeyIn(error, "kit error");
  });
});
