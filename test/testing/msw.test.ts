// leadconduit-client/msw with MSW 2's setupServer: the client, left on the global fetch, is
// answered by the same mock (usual answers, contract checks, credentials, scripted answers and
// failures, calls and violations), and requests to other hosts stay MSW's business.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  createLeadConduitClient,
  type LeadConduitClient,
  NotFoundError,
  TimeoutError,
} from "../../src/client/index.ts";
import { createLeadConduitMock } from "../../src/testing/index.ts";
import { leadconduitHandlers } from "../../src/testing/msw.ts";
import { KEY, specErrors } from "../support/kit.ts";

const mock = createLeadConduitMock({ apiKey: KEY });
const proxied = createLeadConduitMock({ apiKey: KEY, baseUrl: "https://proxy.example.com/lc" });
const server = setupServer(...leadconduitHandlers(mock), ...leadconduitHandlers(proxied));

// Made before listen(), as an app makes it at module level: MSW replaces globalThis.fetch when
// it starts listening, and the client looks up globalThis.fetch at each call.
const lc: LeadConduitClient = createLeadConduitClient({ apiKey: KEY, maxRetries: 0, validateResponses: true });
beforeAll(() => {
  // an unhandled request is a 500 from MSW (quietly: the one below is expected)
  server.listen({
    onUnhandledRequest(request) {
      throw new Error(`unhandled ${request.method} ${request.url}`);
    },
  });
});
beforeEach(() => {
  mock.reset();
  proxied.reset();
});
afterEach(() => {
  server.resetHandlers();
  mock.assertNoViolations();
});
afterAll(() => server.close());

const EMAIL = { email: "a@example.com" };

describe("leadconduitHandlers with setupServer (msw 2)", () => {
  it("answers the client on its default base URL, as mock.fetch does", async () => {
    const created = await lc.invitations.createRecipient(EMAIL);
    expect(created.entity.id).toBe("6d6f636b0000000000000001");
    expect(specErrors("createRecipientInvitation", 200, created)).toEqual([]);
    const resent = await lc.invitations.resend(created.entity.id);
    expect(resent.entity).toEqual(created.entity);
    expect(mock.calls.map((c) => [c.operationId, c.path, c.headers.authorization])).toEqual([
      ["createRecipientInvitation", "/invitations/recipient", "Basic [REDACTED]"],
      ["resendInvitation", `/invitations/${created.entity.id}/resend`, "Basic [REDACTED]"],
    ]);
  });

  it("serves a mock's own base URL, path prefix included", async () => {
    const client = createLeadConduitClient({ apiKey: KEY, baseUrl: "https://proxy.example.com/lc", maxRetries: 0 });
    await client.invitations.createSource(EMAIL);
    expect(proxied.calls).toEqual([
      expect.objectContaining({ operationId: "createSourceInvitation", path: "/invitations/source" }),
    ]);
    expect(mock.calls).toEqual([]);
  });

  it("checks credentials", async () => {
    const wrong = createLeadConduitClient({ apiKey: "wrong-key", maxRetries: 0 });
    const error = await wrong.invitations.createSource(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).body).toEqual({ error: "authentication failed" });
  });

  it("records a request that breaks the spec, and answers it as Prism does", async () => {
    const res = await fetch("https://app.leadconduit.com/invitations/recipient", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email":"nope"}',
    });
    expect(res.status).toBe(401);
    const unknown = await lc.raw.GET("/nope" as never);
    expect(unknown.response.status).toBe(404);
    expect(mock.violations.map((v) => [v.path, v.status])).toEqual([
      ["body/email", 401],
      ["url", 404],
    ]);
    expect(() => mock.assertNoViolations()).toThrow(/2 violation\(s\)/);
  });

  it("plays scripted answers: a 404 the spec does not document, then the usual answer", async () => {
    mock.reply("resendInvitation", { status: 404, body: { error: "not found" } });
    await expect(lc.invitations.resend("0123456789abcdef01234567")).rejects.toBeInstanceOf(NotFoundError);
    await expect(lc.invitations.resend("0123456789abcdef01234567")).resolves.toMatchObject({
      message: "Invitation was sent successfully",
    });
  });

  it('"network" becomes MSW\'s network error: ConnectionError', async () => {
    mock.fail("createRecipientInvitation", "network");
    const error = await lc.invitations.createRecipient(EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeInstanceOf(TypeError);
  });

  it("\"timeout\" ends with the client's timeout, and with the caller's abort", async () => {
    mock.fail("createRecipientInvitation", "timeout", { times: 2 });
    await expect(lc.invitations.createRecipient(EMAIL, { timeoutMs: 30 })).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const call = lc.invitations.createRecipient(EMAIL, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it("leaves other hosts to MSW (here: an unhandled request is a 500)", async () => {
    const res = await fetch("https://elsewhere.example.com/invitations/recipient");
    expect([res.status, res.statusText]).toEqual([500, "Unhandled Exception"]);
    expect(mock.calls).toEqual([]);
  });

  it("refuses a base URL that is not an http(s) URL", () => {
    expect(() => leadconduitHandlers(mock, { baseUrl: "not a url" })).toThrow(TypeError);
    expect(() => leadconduitHandlers(mock, { baseUrl: "https://u:p@example.com" })).toThrow(
      /leadconduitHandlers: baseUrl must not contain credentials/,
    );
  });
});
