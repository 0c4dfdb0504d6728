// Error mapping: the client's own logic, driven by a custom fetch (no network needed here).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createLeadConduitClient,
  LeadConduitError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/client/index.ts";
import { USER_AGENT } from "../../src/client/user-agent.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

function answering(
  status: number,
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  let calls = 0;
  const fetch = async () => {
    calls++;
    return new Response(body, { status, headers });
  };
  const lc = createLeadConduitClient({ apiKey: "k", baseUrl: "https://api.test", fetch, maxRetries: 0 });
  return {
    call: () => lc.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e),
    calls: () => calls,
  };
}

describe("status → error class", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [408, APIError],
    [409, APIError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [599, ServerError],
  ] as const)("%i → %o", async (status, cls) => {
    const { call } = answering(status, JSON.stringify({ error: "nope" }));
    const error = await call();
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(LeadConduitError);
    expect((error as LeadConduitError).status).toBe(status);
    expect((error as LeadConduitError).body).toEqual({ error: "nope" });
    expect((error as LeadConduitError).message).toBe(`LeadConduit answered ${status}: nope`);
    expect((error as LeadConduitError).name).toBe(cls.name);
  });

  it("every error that carries an HTTP status is an APIError; ValidationError means refused before sending", async () => {
    for (const status of [400, 401, 403, 404, 408, 409, 422, 429, 500, 503]) {
      const error = await answering(status, JSON.stringify({ error: "nope" })).call();
      expect(error, String(status)).toBeInstanceOf(APIError);
      expect(error, String(status)).not.toBeInstanceOf(ValidationError);
    }
    const refused = createLeadConduitClient({
      apiKey: "k",
      baseUrl: "https://api.test",
      fetch: async () => Response.json({}),
    });
    const error = await refused.invitations.createRecipient({ email: "not an address" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as ValidationError).status).toBeUndefined();
    expect((error as ValidationError).attempts).toBe(0);
  });
});

describe("violations a server lists in its body", () => {
  it.each([
    [
      "Prism's validation array (422)",
      422,
      {
        type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
        title: "Invalid request",
        status: 422,
        validation: [
          {
            location: ["body"],
            severity: "Error",
            code: "additionalProperties",
            message: "must NOT have additional properties",
          },
          { location: ["body", "email"], severity: "Error", code: "format", message: 'must match format "email"' },
        ],
      },
      UnprocessableEntityError,
      [
        { path: "body", message: "must NOT have additional properties", keyword: "additionalProperties" },
        { path: "body/email", message: 'must match format "email"', keyword: "format" },
      ],
      'LeadConduit answered 422: Invalid request (body must NOT have additional properties; body/email must match format "email")',
    ],
    [
      "RFC 7807 invalid-params (400)",
      400,
      {
        title: "Your request parameters didn't validate.",
        "invalid-params": [{ name: "email", reason: "must be an address" }],
      },
      BadRequestError,
      [{ path: "email", message: "must be an address" }],
      "LeadConduit answered 400: Your request parameters didn't validate. (email must be an address)",
    ],
    [
      "RFC 9457 errors (422)",
      422,
      { title: "Invalid", errors: [{ detail: "must be a string", pointer: "#/email" }, { nothing: "to read" }] },
      UnprocessableEntityError,
      [{ path: "/email", message: "must be a string" }],
      "LeadConduit answered 422: Invalid (/email must be a string)",
    ],
    [
      "a plain error envelope",
      422,
      { error: "email is invalid" },
      UnprocessableEntityError,
      [],
      "LeadConduit answered 422: email is invalid",
    ],
  ] as const)("%s", async (_what, status, body, cls, violations, message) => {
    const error = (await answering(status, JSON.stringify(body), {
      "content-type": "application/problem+json",
    }).call()) as APIError;
    expect(error).toBeInstanceOf(cls);
    expect(error.violations).toEqual(violations);
    expect(error.body).toEqual(body);
    expect(error.message).toBe(message);
  });
});

describe("bodies that are not JSON keep their text", () => {
  it("an HTML error page", async () => {
    const { call } = answering(503, "<html><body>Service Unavailable</body></html>", { "content-type": "text/html" });
    const error = (await call()) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.rawBody).toBe("<html><body>Service Unavailable</body></html>");
    expect(error.message).toContain("Service Unavailable");
  });

  it("an empty error body", async () => {
    const { call } = answering(500, "", { "content-length": "0" });
    const error = (await call()) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.rawBody).toBe("");
    expect(error.message).toBe("LeadConduit answered 500");
  });

  it.each([
    ["truncated JSON", '{"message":"Invitation was', "not JSON"],
    ["HTML", "<html></html>", "not JSON"],
    ["empty", "", "empty"],
    ["whitespace", "  \n", "empty"],
  ])("a 2xx with %s body is a ResponseValidationError, never a SyntaxError", async (_what, body, says) => {
    const { call } = answering(200, body);
    const error = (await call()) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.rawBody).toBe(body);
    expect(error.message).toContain(says);
  });
});

describe("what an error carries", () => {
  it("status, headers, attempts and a redacted request, as JSON too", async () => {
    const { call } = answering(403, JSON.stringify({ error: "forbidden" }), {
      "content-type": "application/json",
      "x-request-id": "abc",
    });
    const error = (await call()) as PermissionError;
    expect(error.headers).toMatchObject({ "x-request-id": "abc" });
    expect(error.attempts).toBe(1);
    expect(error.request).toEqual({
      method: "POST",
      url: "https://api.test/invitations/recipient",
      headers: { authorization: "Basic [REDACTED]", "user-agent": USER_AGENT, "content-type": "application/json" },
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: "PermissionError", status: 403, body: { error: "forbidden" }, attempts: 1 });
    expect(String(error)).toBe("PermissionError: LeadConduit answered 403: forbidden");
  });

  it("a 201 carrying the envelope is success too", async () => {
    const { call } = answering(201, JSON.stringify(EXAMPLE_OK));
    await expect(call()).resolves.toEqual(EXAMPLE_OK);
  });

  describe("on a fake clock", () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it("a fetch that ignores its signal still times out, and is aborted by the caller", async () => {
      let calls = 0;
      const lc = createLeadConduitClient({
        apiKey: "test-key-123",
        baseUrl: "https://api.test",
        maxRetries: 1,
        timeoutMs: 50,
        onRetry: (info) => queueMicrotask(() => vi.advanceTimersByTime(info.delayMs)),
        fetch: () => {
          calls++;
          // reached the attempt's time limit once the request is out
          queueMicrotask(() => vi.advanceTimersByTime(50));
          return new Promise<Response>(() => {});
        },
      });
      const timedOut = await lc.invitations
        .createRecipient({ email: "mike.jones@example.com" })
        .catch((e: unknown) => e);
      expect(timedOut).toBeInstanceOf(TimeoutError);
      expect((timedOut as TimeoutError).attempts).toBe(2);
      expect(calls).toBe(2);

      const controller = new AbortController();
      const hanging = createLeadConduitClient({
        apiKey: "test-key-123",
        baseUrl: "https://api.test",
        fetch: () => {
          calls++;
          queueMicrotask(() => controller.abort());
          return new Promise<Response>(() => {});
        },
      });
      const aborted = await hanging.invitations
        .createRecipient({ email: "mike.jones@example.com" }, { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(aborted).toBeInstanceOf(AbortError);
      expect((aborted as AbortError).attempts).toBe(1);
      expect(calls).toBe(3);
    });

    it("the signal given to fetch is aborted when the attempt times out", async () => {
      const signals: AbortSignal[] = [];
      const lc = createLeadConduitClient({
        apiKey: "test-key-123",
        baseUrl: "https://api.test",
        maxRetries: 0,
        timeoutMs: 30,
        fetch: (_input: string | Request, init?: RequestInit) => {
          signals.push(init!.signal!);
          queueMicrotask(() => vi.advanceTimersByTime(30));
          return new Promise<Response>(() => {});
        },
      });
      await expect(lc.invitations.createRecipient({ email: "mike.jones@example.com" })).rejects.toBeInstanceOf(
        TimeoutError,
      );
      expect(signals).toHaveLength(1);
      expect(signals[0]!.aborted).toBe(true);
    });
  });

  it("a fetch that throws a non-Error is still a ConnectionError", async () => {
    const lc = createLeadConduitClient({
      apiKey: "test-key-123",
      baseUrl: "https://api.test",
      maxRetries: 0,
      fetch: async () => {
        throw "socket hang up";
      },
    });
    const error = await lc.invitations.createRecipient({ email: "mike.jones@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain("socket hang up");
  });
});
