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

// A key of one character, or with a space, is still the key: it is removed where it stands alone
// (a path segment, a JSON value, a property name, a header value), and nowhere else, so it cannot
// mangle the mock's own words or the rest of what the request carried (src/client/redact.ts).
describe("a short key, or one with a space, is redacted where it stands alone and nowhere else", () => {
  const LONG_KEY = "sk-reference-key-0123";
  const LONG_WRONG = "sk-reference-wrong-4567";
  const REQUESTS: { method: string; path: string; headers?: Record<string, string>; body?: string }[] = [
    { method: "POST", path: "/invitations/recipient", body: '{"email":"not an address","admin":true}' },
    { method: "POST", path: "/invitations/source", body: "{bad" },
    { method: "POST", path: "/invitations/recipient", headers: { "content-type": "text/plain" }, body: "plain text" },
    { method: "POST", path: "/invitations/recipient", headers: { accept: "text/html" }, body: '{"email":"mike@b.c"}' },
    { method: "PATCH", path: "/invitations/source", body: "{}" },
    { method: "PUT", path: "/invitations/not-an-id/resend" },
    { method: "GET", path: "/nowhere/at all" },
  ];

  /** Every request sent with the key, then with a wrong password: what the mock answered and recorded. */
  async function recorded(key: string, wrongPassword: string) {
    const mock = createLeadConduitMock({ apiKey: key });
    const answers: string[] = [];
    for (const password of [key, wrongPassword])
      for (const request of REQUESTS)
        answers.push(
          await mock
            .fetch(`https://app.leadconduit.com${request.path}`, {
              method: request.method,
              headers: {
                authorization: basicAuthorization(password),
                "content-type": "application/json",
                ...request.headers,
              },
              ...(request.body === undefined ? {} : { body: request.body }),
            })
            .then((res) => res.text()),
        );
    return { answers, calls: mock.calls, violations: mock.violations };
  }

  it.each([
    ["a", " "],
    ["e", "x y"],
    ["x y", "a"],
    ["s ", "e"],
  ])("key %j, wrong password %j: answers, calls and violations are those of a long key", async (key, wrong) => {
    expect(await recorded(key, wrong)).toEqual(await recorded(LONG_KEY, LONG_WRONG));
  });

  it("where the short key stands alone, it is removed: a JSON value, a property name, a path segment, a header", async () => {
    const mock = createLeadConduitMock({ apiKey: "a" });
    const headers = { authorization: basicAuthorization("a"), "content-type": "application/json" };
    const base = "https://app.leadconduit.com";
    const refusal = await mock
      .fetch(`${base}/invitations/recipient`, { method: "POST", headers, body: '{"email":"a","a":1}' })
      .then((res) => res.text());
    await mock.fetch(`${base}/invitations/a/resend`, { method: "PUT", headers: { ...headers, "x-custom": "a" } });
    expect(refusal).toContain("found '[REDACTED]'");
    expect(refusal).not.toMatch(/\ba\b/);
    expect(mock.calls[0]!.body).toEqual({ email: "[REDACTED]", "[REDACTED]": 1 });
    expect(mock.calls[1]!.path).toBe("/invitations/[REDACTED]/resend");
    expect(mock.calls[1]!.pathParams).toEqual({ entityId: "[REDACTED]" });
    expect(mock.calls[1]!.headers["x-custom"]).toBe("[REDACTED]");
    expect(mock.violations.map((v) => v.path)).toContain("body/[REDACTED]");
    expect(mock.violations.map((v) => v.request)).toContain("PUT /invitations/[REDACTED]/resend");
  });

  it("a key with a space is removed in each form it travels: as sent, URL-encoded, as a Basic token", async () => {
    const key = "x y";
    const mock = createLeadConduitMock({ apiKey: key });
    const token = basicAuthorization(key).slice("Basic ".length);
    await mock.fetch(`https://app.leadconduit.com/invitations/${encodeURIComponent(key)}/resend`, {
      method: "PUT",
      headers: { authorization: basicAuthorization(key), "x-token": token, "x-said": `key ${key}.` },
    });
    const [call] = mock.calls;
    expect(call!.path).toBe("/invitations/[REDACTED]/resend");
    expect(call!.pathParams).toEqual({ entityId: "[REDACTED]" });
    expect(call!.headers["x-token"]).toBe("[REDACTED]");
    expect(call!.headers["x-said"]).toBe("key [REDACTED].");
  });
});
