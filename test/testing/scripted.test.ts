// Scripted answers and failures: `mock.reply` queues answers checked against the spec when they
// are queued; `mock.fail` drops the connection or never answers (honouring the request's
// signal), so the client's retry, timeout and abort paths run without a server or real waiting.
import { describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  createLeadConduitClient,
  RateLimitError,
  type RetryInfo,
  ServerError,
  TimeoutError,
} from "../../src/client/index.ts";
import {
  createLeadConduitMock,
  LeadConduitMockError,
  makeEntity,
  makeInvitationResponse,
} from "../../src/testing/index.ts";
import { AUTH, ENTITY_ID, JSON_HEADERS, KEY, send, specErrors } from "../support/kit.ts";

const setup = (options: { maxRetries?: number; timeoutMs?: number } = {}) => {
  const mock = createLeadConduitMock({ apiKey: KEY });
  const retries: RetryInfo[] = [];
  const lc = createLeadConduitClient({
    apiKey: KEY,
    fetch: mock.fetch,
    validateResponses: true,
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { mock, lc, retries };
};
const EMAIL = { email: "a@example.com" };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("mock.reply", () => {
  it("a scripted 429 with Retry-After is retried after that wait, then the usual answer", async () => {
    const { mock, lc, retries } = setup();
    mock.reply("createRecipientInvitation", { status: 429, headers: { "Retry-After": "0" } });
    const res = await lc.invitations.createRecipient(EMAIL);
    expect(res.entity.id).toBe("6d6f636b0000000000000001");
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBe(0);
    expect(retries[0]!.error).toBeInstanceOf(RateLimitError);
    expect((retries[0]!.error as RateLimitError).retryAfterMs).toBe(0);
    expect(mock.calls).toHaveLength(2);
  });

  it("times: n answers n requests, then the next answer in the queue, then the usual one", async () => {
    const { mock, lc, retries } = setup({ maxRetries: 3 });
    mock.reply("createSourceInvitation", { status: 503, headers: { "retry-after": "0" } }, { times: 2 });
    mock.reply("createSourceInvitation", { status: 200, body: makeInvitationResponse({ message: "scripted" }) });
    const first = await lc.invitations.createSource(EMAIL);
    expect(first.message).toBe("scripted");
    expect(retries.map((r) => r.error.status)).toEqual([503, 503]);
    const second = await lc.invitations.createSource(EMAIL);
    expect(second.message).toBe("Invitation was sent successfully");
  });

  it("times: Infinity answers every request from now on", async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    mock.reply("resendInvitation", { status: 500, body: { error: "boom" } }, { times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 3; i++) {
      const error = await lc.invitations.resend(ENTITY_ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect((error as ServerError).body).toEqual({ error: "boom" });
    }
    expect(() => mock.reply("resendInvitation", { status: 200 })).toThrow(/queued for every request.*mock\.reset\(\)/);
  });

  it("is per operation: other operations keep the usual answer", async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    mock.reply("createSourceInvitation", { status: 500 });
    await expect(lc.invitations.createRecipient(EMAIL)).resolves.toMatchObject({
      message: "Invitation was sent successfully",
    });
    await expect(lc.invitations.createSource(EMAIL)).rejects.toBeInstanceOf(ServerError);
  });

  it("a 2xx without a body gets the usual answer with the scripted headers", async () => {
    const { mock } = setup();
    mock.reply("createRecipientInvitation", { status: 200, headers: { "x-request-id": "r-1" } });
    const res = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: JSON_HEADERS,
      body: JSON.stringify(EMAIL),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("r-1");
    expect(res.contentType).toBe("application/json");
    expect(specErrors("createRecipientInvitation", 200, res.json)).toEqual([]);
  });

  it("a 401 without a body gets the documented body; an undocumented status an empty one", async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    mock.reply("createRecipientInvitation", { status: 401 });
    const error = await lc.invitations.createRecipient(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ error: "authentication failed" });
    mock.reply("createRecipientInvitation", { status: 502 });
    const res = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: JSON_HEADERS,
      body: JSON.stringify(EMAIL),
    });
    expect([res.status, res.text, res.contentType]).toEqual([502, "", null]);
  });

  it("a string body is sent as it is, with the content type given", async () => {
    const { mock } = setup();
    mock.reply("createRecipientInvitation", {
      status: 502,
      body: "<html>Bad gateway</html>",
      headers: { "content-type": "text/html" },
    });
    const res = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: JSON_HEADERS,
      body: JSON.stringify(EMAIL),
    });
    expect([res.status, res.text, res.contentType]).toEqual([502, "<html>Bad gateway</html>", "text/html"]);
  });

  it("is not used by a request the API refuses (credentials, contract): it waits for the next good one", async () => {
    const { mock } = setup();
    mock.reply("createRecipientInvitation", { status: 500 });
    const noKey = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(EMAIL),
    });
    const invalid = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: JSON_HEADERS,
      body: "{}",
    });
    const good = await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: JSON_HEADERS,
      body: JSON.stringify(EMAIL),
    });
    expect([noKey.status, invalid.status, good.status]).toEqual([401, 422, 500]);
  });

  it("refuses at the reply call a 2xx body the API could never send, naming each path", () => {
    const { mock } = setup();
    const body = {
      message: "ok",
      entity: { id: "not-an-id", name: "X", module_ids: [], source: "nope", recipient: null },
    };
    const error = thrown(() => mock.reply("createRecipientInvitation", { status: 200, body }));
    expect(error).toBeInstanceOf(LeadConduitMockError);
    const { message, violations } = error as LeadConduitMockError;
    expect(message).toContain(
      "mock.reply(createRecipientInvitation, 200): the API could never send this (pass { unchecked: true } to send it anyway)",
    );
    expect(violations.map((v) => v.path)).toEqual(["/entity/id", "/entity/source"]);
    expect(message).toContain('/entity/id must match pattern "^[0-9a-fA-F]{24}$"');
    expect(message).toContain("/entity/source must be equal to one of the allowed values");
  });

  it.each([
    ["a missing entity", { message: "ok" }, ["/entity"]],
    ["a body that is not JSON", "{not json", ["/"]],
    [
      "a bad date-time (full format check)",
      { ...makeInvitationResponse(), entity: { ...makeEntity(), created_at: "2024-13-45T00:00:00Z" } },
      ["/entity/created_at"],
    ],
  ])("refuses %s", (_name, body, paths) => {
    const { mock } = setup();
    const error = thrown(() => mock.reply("resendInvitation", { status: 200, body }));
    expect((error as LeadConduitMockError).violations.map((v) => v.path)).toEqual(paths);
  });

  it("refuses a documented error status whose body breaks its schema, and a 2xx that is not JSON", () => {
    const { mock } = setup();
    expect(
      thrown(() => mock.reply("createRecipientInvitation", { status: 401, body: { message: "no" } })),
    ).toMatchObject({
      violations: [{ path: "/error", keyword: "required" }],
    });
    expect(
      thrown(() => mock.reply("createRecipientInvitation", { status: 200, headers: { "content-type": "text/html" } })),
    ).toMatchObject({ violations: [{ path: "headers/content-type", message: "text/html is not application/json" }] });
    expect(
      thrown(() => mock.reply("createRecipientInvitation", { status: 204 }, { undocumented: true })),
    ).toMatchObject({
      violations: [{ path: "/", message: "a 204 has no body, but the spec documents one" }],
    });
  });

  it("refuses a 2xx the spec does not document for the operation unless the test says it means it", async () => {
    const { mock, lc } = setup();
    const error = thrown(() => mock.reply("createRecipientInvitation", { status: 201 }));
    expect(error).toBeInstanceOf(LeadConduitMockError);
    expect((error as LeadConduitMockError).message).toBe(
      "mock.reply(createRecipientInvitation, 201): the spec documents no 201 for createRecipientInvitation, only 200 for a success (pass { undocumented: true } if the test means it)",
    );
    expect((error as LeadConduitMockError).violations).toEqual([
      expect.objectContaining({ path: "status", keyword: "status" }),
    ]);
    // meant: sent, its body still held to the documented success; the client (validateResponses: true) names it
    expect(() =>
      mock.reply("createRecipientInvitation", { status: 201, body: { message: "ok" } }, { undocumented: true }),
    ).toThrow(/\/entity must have required property 'entity'/);
    mock.reply("createRecipientInvitation", { status: 201 }, { undocumented: true });
    await expect(lc.invitations.createRecipient(EMAIL)).rejects.toMatchObject({
      name: "ResponseValidationError",
      status: 201,
      violations: [{ path: "status", message: expect.stringContaining("201 is not a status the spec documents") }],
    });
  });

  it("{ unchecked: true } sends what the spec forbids, for drift tests", async () => {
    const { mock, lc } = setup();
    mock.reply("createRecipientInvitation", { status: 200, body: { message: "ok" } }, { unchecked: true });
    await expect(lc.invitations.createRecipient(EMAIL)).rejects.toMatchObject({ name: "ResponseValidationError" });
  });

  it("lets any body through for an undocumented status", () => {
    const { mock } = setup();
    expect(() => mock.reply("createRecipientInvitation", { status: 429, body: { anything: ["goes"] } })).not.toThrow();
  });

  it.each([
    [
      "an unknown operation",
      () => ({ op: "deleteEverything", answer: { status: 200 } }),
      /unknown operation "deleteEverything"; the spec has createRecipientInvitation, createSourceInvitation, resendInvitation/,
    ],
    ["a status below 200", () => ({ answer: { status: 101 } }), /status must be a whole number from 200 to 599/],
    ["a status above 599", () => ({ answer: { status: 600 } }), /status must be a whole number from 200 to 599/],
    ["a fractional status", () => ({ answer: { status: 200.5 } }), /status must be a whole number/],
    ["no answer", () => ({ answer: null }), /the answer must be an object/],
    [
      "times 0",
      () => ({ answer: { status: 500 }, options: { times: 0 } }),
      /times must be a whole number > 0 or Infinity, got 0/,
    ],
    ["times 1.5", () => ({ answer: { status: 500 }, options: { times: 1.5 } }), /times must be/],
    ["times NaN", () => ({ answer: { status: 500 }, options: { times: Number.NaN } }), /times must be/],
    ["a body on a 304", () => ({ answer: { status: 304, body: "x" } }), /a 304 cannot have a body/],
    ["a body JSON cannot carry", () => ({ answer: { status: 500, body: 10n } }), /cannot be sent as JSON/],
    [
      "a cyclic body",
      () => {
        const a: Record<string, unknown> = {};
        a.self = a;
        return { answer: { status: 500, body: a } };
      },
      /cannot be sent as JSON/,
    ],
    ["a bad header name", () => ({ answer: { status: 500, headers: { "bad header": "x" } } }), /bad headers/],
  ])("throws LeadConduitMockError for %s", (_name, make, pattern) => {
    const { mock } = setup();
    const {
      op = "createRecipientInvitation",
      answer,
      options,
    } = make() as { op?: string; answer: unknown; options?: object };
    const error = thrown(() => mock.reply(op as never, answer as never, options));
    expect(error).toBeInstanceOf(LeadConduitMockError);
    expect((error as Error).message).toMatch(pattern);
  });
});

describe("mock.fail", () => {
  it('"network" drops the connection: mock.fetch rejects with a TypeError like undici\'s', async () => {
    const { mock } = setup();
    mock.fail("createRecipientInvitation", "network");
    const error = await mock
      .fetch("/invitations/recipient", { method: "POST", headers: JSON_HEADERS, body: "{}" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect((error as TypeError).cause).toMatchObject({ message: "other side closed", code: "UND_ERR_SOCKET" });
    // handle() resolves to Response.error() instead, for MSW and servers
    mock.fail("createRecipientInvitation", "network");
    const response = await mock.handle(
      new Request("https://app.leadconduit.com/invitations/recipient", {
        method: "POST",
        headers: JSON_HEADERS,
        body: "{}",
      }),
    );
    expect(response.type).toBe("error");
  });

  it('"network" is a ConnectionError for the client, retried, then the usual answer', async () => {
    const { mock, lc, retries } = setup();
    mock.fail("createRecipientInvitation", "network");
    const res = await lc.invitations.createRecipient(EMAIL);
    expect(res.message).toBe("Invitation was sent successfully");
    expect(retries.map((r) => r.error.constructor)).toEqual([ConnectionError]);
    expect(mock.calls).toHaveLength(2);
  }, 10_000);

  it('"network" with maxRetries 0 fails the call with ConnectionError, the TypeError as its cause', async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    mock.fail("resendInvitation", "network");
    const error = await lc.invitations.resend(ENTITY_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeInstanceOf(TypeError);
    expect((error as ConnectionError).attempts).toBe(1);
  });

  it('"timeout" never answers: the client\'s timeoutMs ends it with TimeoutError', async () => {
    const { mock, lc } = setup({ maxRetries: 0, timeoutMs: 30 });
    mock.fail("createRecipientInvitation", "timeout");
    const error = await lc.invitations.createRecipient(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
  });

  it('"timeout" honours the caller\'s signal: AbortError', async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    mock.fail("createRecipientInvitation", "timeout");
    const controller = new AbortController();
    const call = lc.invitations.createRecipient(EMAIL, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it('"timeout" rejects mock.fetch with the signal\'s reason, at once when it already aborted', async () => {
    const { mock } = setup();
    mock.fail("resendInvitation", "timeout", { times: 2 });
    const reason = new Error("gave up");
    const controller = new AbortController();
    const pending = mock.fetch(`/invitations/${ENTITY_ID}/resend`, {
      method: "PUT",
      headers: { authorization: AUTH },
      signal: controller.signal,
    });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const timedOut = mock.fetch(`/invitations/${ENTITY_ID}/resend`, {
      method: "PUT",
      headers: { authorization: AUTH },
      signal: AbortSignal.timeout(1),
    });
    await expect(timedOut).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("an already aborted signal rejects before anything is recorded, as fetch does", async () => {
    const { mock } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      mock.fetch("/invitations/recipient", { method: "POST", signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(mock.calls).toEqual([]);
  });

  it("takes the next request of the operation whatever it carries (the connection fails first), recorded with status 0", async () => {
    const { mock } = setup();
    mock.fail("createRecipientInvitation", "network");
    await expect(
      mock.fetch("/invitations/recipient", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(mock.violations).toEqual([expect.objectContaining({ path: "body/email", status: 0 })]);
    expect(mock.calls).toHaveLength(1);
  });

  it("queues in order with replies", async () => {
    const { mock, lc, retries } = setup({ maxRetries: 2 });
    mock.fail("createRecipientInvitation", "network");
    mock.reply("createRecipientInvitation", { status: 429, headers: { "retry-after": "0" } });
    const res = await lc.invitations.createRecipient(EMAIL);
    expect(res.entity.pending).toBe(true);
    expect(retries.map((r) => r.error.name)).toEqual(["ConnectionError", "RateLimitError"]);
  }, 10_000);

  it.each([
    ["an unknown operation", "nope", "network", {}, /unknown operation "nope"/],
    ["an unknown mode", "resendInvitation", "slow", {}, /mode must be "network" or "timeout", got "slow"/],
    ["bad times", "resendInvitation", "timeout", { times: -1 }, /times must be/],
  ])("throws LeadConduitMockError for %s", (_name, op, mode, options, pattern) => {
    const { mock } = setup();
    const error = thrown(() => mock.fail(op as never, mode as never, options));
    expect(error).toBeInstanceOf(LeadConduitMockError);
    expect((error as Error).message).toMatch(pattern);
  });
});

describe("mock.reset", () => {
  it("forgets scripted answers, calls, violations and created entities", async () => {
    const { mock, lc } = setup({ maxRetries: 0 });
    await lc.invitations.createRecipient(EMAIL);
    await send(mock, { method: "DELETE", path: "/invitations/recipient" });
    mock.reply("createRecipientInvitation", { status: 500 }, { times: Number.POSITIVE_INFINITY });
    mock.fail("resendInvitation", "network");
    expect(mock.calls).toHaveLength(2);
    expect(mock.violations).toHaveLength(1);
    mock.reset();
    expect(mock.calls).toEqual([]);
    expect(mock.violations).toEqual([]);
    const res = await lc.invitations.createRecipient(EMAIL);
    expect(res.entity.id).toBe("6d6f636b0000000000000001");
    await expect(lc.invitations.resend(res.entity.id)).resolves.toMatchObject({ entity: { id: res.entity.id } });
    mock.reply("createRecipientInvitation", { status: 500 });
  });
});
