// `mock.calls`: every request in order, `{ operationId, method, path, pathParams, body, headers }`,
// credentials redacted, frozen copies.
import { describe, expect, it } from "vitest";
import { createLeadConduitClient } from "../../src/client/index.ts";
import { USER_AGENT } from "../../src/client/user-agent.ts";
import { createLeadConduitMock, LeadConduitMockError, type MockCall } from "../../src/testing/index.ts";
import { KEY, send } from "../support/kit.ts";

describe("mock.calls", () => {
  it("records every request in order, what the typed methods sent included", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const lc = createLeadConduitClient({ apiKey: KEY, fetch: mock.fetch });
    const created = await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.invitations.resend(created.entity.id);
    await send(mock, { method: "GET", path: "/nope?x=1", headers: { "x-trace": "t-1" } });
    expect(mock.calls).toEqual<MockCall[]>([
      {
        operationId: "createRecipientInvitation",
        method: "POST",
        path: "/invitations/recipient",
        pathParams: {},
        body: { email: "a@example.com" },
        headers: { authorization: "Basic [REDACTED]", "user-agent": USER_AGENT, "content-type": "application/json" },
      },
      {
        operationId: "resendInvitation",
        method: "PUT",
        path: `/invitations/${created.entity.id}/resend`,
        pathParams: { entityId: created.entity.id },
        body: undefined,
        headers: { authorization: "Basic [REDACTED]", "user-agent": USER_AGENT },
      },
      {
        operationId: undefined,
        method: "GET",
        path: "/nope",
        pathParams: {},
        body: undefined,
        headers: { "x-trace": "t-1" },
      },
    ]);
  });

  it("keeps a body that is not JSON as text, and decodes path parameters", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await send(mock, {
      method: "POST",
      path: "/invitations/source",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    await send(mock, { method: "PUT", path: "/invitations/a%20b/resend" });
    expect(mock.calls.map((c) => [c.body, c.pathParams])).toEqual([
      ["hello", {}],
      [undefined, { entityId: "a b" }],
    ]);
  });

  it("hands out frozen copies", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await send(mock, {
      method: "POST",
      path: "/invitations/recipient",
      headers: { "content-type": "application/json" },
      body: '{"email":"a@example.com"}',
    });
    const [call] = mock.calls;
    expect(Object.isFrozen(call)).toBe(true);
    expect(Object.isFrozen(call!.body)).toBe(true);
    expect(() => {
      (call!.headers as Record<string, string>).authorization = "x";
    }).toThrow(TypeError);
    (mock.calls as MockCall[]).pop();
    expect(mock.calls).toHaveLength(1);
  });
});

describe("createLeadConduitMock options", () => {
  it.each([
    ["no options", undefined, /takes \{ apiKey, baseUrl\? \}/],
    ["no apiKey", {}, /apiKey must be the key the app under test is configured with/],
    ["a blank apiKey", { apiKey: "  " }, /apiKey must be/],
    [
      "a baseUrl that is not a URL",
      { apiKey: KEY, baseUrl: "not a url" },
      /^createLeadConduitMock: baseUrl is not a valid URL: "not a url"$/,
    ],
    [
      "a baseUrl with credentials",
      { apiKey: KEY, baseUrl: "https://user:secret@example.com" },
      /^createLeadConduitMock: baseUrl must not contain credentials/,
    ],
    [
      "a baseUrl with a query",
      { apiKey: KEY, baseUrl: "https://example.com/?t=1" },
      /^createLeadConduitMock: baseUrl must not have a query or a fragment$/,
    ],
    [
      "a baseUrl of another protocol",
      { apiKey: KEY, baseUrl: "ftp://example.com" },
      /^createLeadConduitMock: baseUrl must be an http\(s\) URL, got ftp:$/,
    ],
  ])("refuses %s with LeadConduitMockError", (_name, options, pattern) => {
    let error: unknown;
    try {
      createLeadConduitMock(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LeadConduitMockError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain("secret");
  });

  it("refuses a bad baseUrl given to handle()", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await expect(mock.handle(new Request("https://x.example/"), { baseUrl: "nope" })).rejects.toBeInstanceOf(
      LeadConduitMockError,
    );
  });
});
