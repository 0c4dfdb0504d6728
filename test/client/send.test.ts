// The two ways a typed call goes out (src/client/send.ts): straight to fetch(url, init) when no
// middleware is registered on `raw`, through openapi-fetch while some is. Both must send the same
// request and make the same value or error of the answer.
import { describe, expect, it } from "vitest";
import {
  AbortError,
  basicAuthorization,
  ConfigurationError,
  createLeadConduitClient,
  type LeadConduitError,
  UnprocessableEntityError,
} from "../../src/client/index.ts";
import { USER_AGENT } from "../../src/client/user-agent.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";
import { recordingFetch, type SeenRequest } from "../support/recording-fetch.ts";

const noop = { onRequest: ({ request }: { request: Request }) => request };

describe("a typed call", () => {
  it("sends the same request straight to fetch and through middleware", async () => {
    const { seen, fetch } = recordingFetch(() => Response.json(EXAMPLE_OK));
    const lc = createLeadConduitClient({ apiKey: "send-key", baseUrl: "https://api.test", fetch });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8");
    lc.raw.use(noop);
    await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8");
    lc.raw.eject(noop);
    await lc.invitations.createRecipient({ email: "a@example.com" });

    expect(seen.map((s) => s.given)).toEqual(["url", "url", "Request", "Request", "url"]);
    const post = {
      method: "POST",
      url: "https://api.test/invitations/recipient",
      headers: {
        authorization: basicAuthorization("send-key"),
        "user-agent": USER_AGENT,
        "content-type": "application/json",
      },
      body: '{"email":"a@example.com"}',
    };
    const put = {
      method: "PUT",
      url: "https://api.test/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend",
      headers: { authorization: basicAuthorization("send-key"), "user-agent": USER_AGENT },
      body: "",
    };
    const without = ({ given: _given, ...rest }: SeenRequest) => rest;
    expect(seen.map(without)).toEqual([post, put, post, put, post]);
  });

  it("counts the middleware as openapi-fetch holds it: none for a refused one, twice for one added twice", async () => {
    const { seen, fetch } = recordingFetch(() => Response.json(EXAMPLE_OK));
    const lc = createLeadConduitClient({ apiKey: "send-key", baseUrl: "https://api.test", fetch });
    expect(() => lc.raw.use({} as typeof noop)).toThrow(/Middleware must be an object/);
    await lc.invitations.createRecipient({ email: "a@example.com" });
    lc.raw.use(noop, noop);
    lc.raw.eject(noop); // openapi-fetch still holds it once
    await lc.invitations.createRecipient({ email: "a@example.com" });
    lc.raw.eject(noop, noop); // the second is not there: nothing to remove
    await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(seen.map((s) => s.given)).toEqual(["url", "Request", "url"]);
  });

  it("makes the same error of an answer either way, with the same redacted request", async () => {
    const problem = {
      title: "Invalid request",
      validation: [{ location: ["body", "email"], message: "is taken", code: "unique" }],
    };
    const { fetch } = recordingFetch(() => Response.json(problem, { status: 422 }));
    const lc = createLeadConduitClient({ apiKey: "send-key", baseUrl: "https://api.test", fetch });
    const direct = (await lc.invitations
      .createSource({ email: "a@example.com" })
      .catch((e: unknown) => e)) as LeadConduitError;
    lc.raw.use(noop);
    const through = (await lc.invitations
      .createSource({ email: "a@example.com" })
      .catch((e: unknown) => e)) as LeadConduitError;
    for (const error of [direct, through]) {
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect((error as UnprocessableEntityError).violations).toEqual([
        { path: "body/email", message: "is taken", keyword: "unique" },
      ]);
      expect(error.body).toEqual(problem);
    }
    expect(through.request).toEqual(direct.request);
    expect(direct.request).toEqual({
      method: "POST",
      url: "https://api.test/invitations/source",
      headers: { authorization: "Basic [REDACTED]", "user-agent": USER_AGENT, "content-type": "application/json" },
    });
    expect(through.message).toBe(direct.message);
  });

  it("takes the answer a middleware put in the server's place", async () => {
    const { fetch } = recordingFetch(() => Response.json({ error: "upstream down" }, { status: 502 }));
    const lc = createLeadConduitClient({ apiKey: "send-key", baseUrl: "https://api.test", fetch, maxRetries: 0 });
    lc.raw.use({ onResponse: () => Response.json({ ...EXAMPLE_OK, message: "served from cache" }) });
    const { message } = await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(message).toBe("served from cache");
  });
});

describe("the app's own code in the path", () => {
  it("no middleware hook sees the key: not onRequest, onResponse or onError", async () => {
    const seen: (string | null)[] = [];
    let fail = false;
    const lc = createLeadConduitClient({
      apiKey: "send-key",
      baseUrl: "https://api.test",
      maxRetries: 0,
      fetch: async () => {
        if (fail) throw new TypeError("fetch failed");
        return Response.json(EXAMPLE_OK);
      },
    });
    lc.raw.use({
      onRequest: ({ request }) => {
        seen.push(request.headers.get("authorization"));
      },
      onResponse: ({ request }) => {
        seen.push(request.headers.get("authorization"));
      },
      onError: ({ request }) => {
        seen.push(request.headers.get("authorization"));
      },
    });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.raw.POST("/invitations/recipient", { body: { email: "a@example.com" } });
    fail = true;
    await lc.invitations.createRecipient({ email: "a@example.com" }).catch(() => undefined);
    expect(seen).toEqual([null, null, null, null, null, null]);
  });

  it("an error thrown by middleware rejects the call unchanged, and is not retried", async () => {
    let calls = 0;
    const lc = createLeadConduitClient({
      apiKey: "send-key",
      baseUrl: "https://api.test",
      fetch: async () => {
        calls++;
        return Response.json(EXAMPLE_OK);
      },
    });
    const before = new Error("tracer not ready");
    const hook = {
      onRequest: () => {
        throw before;
      },
    };
    lc.raw.use(hook);
    await expect(lc.invitations.createRecipient({ email: "a@example.com" })).rejects.toBe(before);
    expect(calls).toBe(0);
    lc.raw.eject(hook);
    const after = new Error("logger down");
    lc.raw.use({
      onResponse: () => {
        throw after;
      },
    });
    await expect(lc.invitations.createRecipient({ email: "a@example.com" })).rejects.toBe(after);
    expect(calls).toBe(1); // sent once: a bug in the app's code does not resend the POST
  });

  it("a fetch that resolves to something else than a Response is a ConfigurationError, not retried", async () => {
    let calls = 0;
    const lc = createLeadConduitClient({
      apiKey: "send-key",
      baseUrl: "https://api.test",
      fetch: (async () => {
        calls++;
        return { ok: true };
      }) as never,
    });
    const error = await lc.invitations.createRecipient({ email: "a@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe("The fetch in use resolved to [object Object], not a Response");
    expect(calls).toBe(1);
  });

  it("a fetch that aborts the call and rejects afterwards leaves no unhandled rejection", async () => {
    const controller = new AbortController();
    let rejectLate: (reason: unknown) => void = () => {};
    const lc = createLeadConduitClient({
      apiKey: "send-key",
      baseUrl: "https://api.test",
      fetch: () => {
        controller.abort();
        return new Promise<Response>((_, reject) => {
          rejectLate = reject;
        });
      },
    });
    const error = await lc.invitations
      .createRecipient({ email: "a@example.com" }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    // the fetch rejects only after the call settled; an unhandled rejection is reported once the
    // microtasks drain, so one turn of the event loop (not a wait) lets vitest see it
    rejectLate(new TypeError("late"));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
