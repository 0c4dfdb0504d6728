import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, createLeadConduitClient, LeadConduitError } from "../../src/client/index.ts";
import { isLoopback } from "../../src/client/transport.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

function recording() {
  const urls: string[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return Response.json(EXAMPLE_OK);
  };
  return { urls, fetch };
}

describe("construction", () => {
  it.each([
    ["no options at all", undefined],
    ["no apiKey", {}],
    ["an empty apiKey", { apiKey: "" }],
    ["a blank apiKey", { apiKey: "   " }],
    ["a non-string apiKey", { apiKey: 42 as unknown as string }],
  ])("%s throws a clear LeadConduitError", (_what, options) => {
    vi.stubEnv("LEADCONDUIT_API_KEY", "");
    expect(() => createLeadConduitClient(options)).toThrow(ConfigurationError);
    expect(() => createLeadConduitClient(options)).toThrow(LeadConduitError);
    expect(() => createLeadConduitClient(options)).toThrow(/API key is required/);
  });

  it("reads the key and base URL from the environment when not given", async () => {
    vi.stubEnv("LEADCONDUIT_API_KEY", "from-env");
    vi.stubEnv("LEADCONDUIT_BASE_URL", "https://staging.leadconduit.test/");
    const { urls, fetch } = recording();
    const lc = createLeadConduitClient({ fetch });
    await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
    expect(urls).toEqual(["https://staging.leadconduit.test/invitations/recipient"]);
  });

  it("defaults to the production server", async () => {
    vi.stubEnv("LEADCONDUIT_BASE_URL", "");
    const { urls, fetch } = recording();
    await createLeadConduitClient({ apiKey: "k", fetch }).invitations.createSource({ email: "mike.jones@example.com" });
    expect(urls).toEqual(["https://app.leadconduit.com/invitations/source"]);
  });

  it.each([
    ["not a URL", { baseUrl: "app.leadconduit.com" }, /not a valid URL/],
    ["credentials in the URL", { baseUrl: "https://u:p@app.leadconduit.com" }, /credentials/],
    ["plain HTTP to a remote host", { baseUrl: "http://app.leadconduit.com" }, /plain HTTP/],
    ["another protocol", { baseUrl: "ftp://app.leadconduit.com" }, /Unsupported protocol/],
    ["a negative timeout", { timeoutMs: -1 }, /timeoutMs/],
    [
      "a timeout setTimeout cannot hold (it would fire at once)",
      { timeoutMs: 2 ** 31 },
      /timeoutMs must be a number of milliseconds from 1 to 2147483647/,
    ],
    ["a base URL with a query", { baseUrl: "https://app.leadconduit.com/?tenant=1" }, /query or a fragment/],
    ["a base URL with a fragment", { baseUrl: "https://app.leadconduit.com/#x" }, /query or a fragment/],
    ["a fractional maxRetries", { maxRetries: 1.5 }, /maxRetries/],
    ["an onRetry that is not a function", { onRetry: "log" as never }, /onRetry/],
  ])("refuses %s", (_what, options, message) => {
    expect(() => createLeadConduitClient({ apiKey: "k", ...options })).toThrow(message);
    expect(() => createLeadConduitClient({ apiKey: "k", ...options })).toThrow(ConfigurationError);
  });

  it("allows plain HTTP to loopback, and elsewhere only when told", () => {
    expect(() => createLeadConduitClient({ apiKey: "k", baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
    expect(() => createLeadConduitClient({ apiKey: "k", baseUrl: "http://localhost:4010" })).not.toThrow();
    expect(() =>
      createLeadConduitClient({ apiKey: "k", baseUrl: "http://mock.internal", allowInsecureHttp: true }),
    ).not.toThrow();
  });

  it("raw refuses a per-request baseUrl over plain HTTP, before sending", async () => {
    const { urls, fetch } = recording();
    const lc = createLeadConduitClient({ apiKey: "k", baseUrl: "https://api.test", fetch });
    await expect(
      lc.raw.POST("/invitations/recipient", { body: { email: "a@example.com" }, baseUrl: "http://evil.test" }),
    ).rejects.toThrow(ConfigurationError);
    expect(urls).toEqual([]);
  });

  it("per-call options are checked too", async () => {
    const lc = createLeadConduitClient({ apiKey: "k", baseUrl: "https://api.test", fetch: recording().fetch });
    await expect(lc.invitations.createRecipient({ email: "mike.jones@example.com" }, { timeoutMs: 0 })).rejects.toThrow(
      ConfigurationError,
    );
  });
});

describe("the fetch implementation", () => {
  it("is called unbound, as window.fetch requires (it throws Illegal invocation otherwise)", async () => {
    const thisValues: unknown[] = [];
    const lc = createLeadConduitClient({
      apiKey: "k",
      baseUrl: "https://api.test",
      fetch: function (this: unknown) {
        thisValues.push(this);
        if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
        return Promise.resolve(Response.json(EXAMPLE_OK));
      },
    });
    await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
    await lc.raw.POST("/invitations/recipient", { body: { email: "mike.jones@example.com" } });
    expect(thisValues).toEqual([undefined, undefined]);
  });
});

describe("isLoopback", () => {
  it.each([
    ["localhost", true],
    ["api.localhost", true],
    ["127.0.0.1", true],
    ["127.10.20.30", true],
    ["[::1]", true],
    ["::1", true],
    ["127.0.0.1.example.com", false],
    ["localhost.example.com", false],
    ["10.0.0.1", false],
    ["app.leadconduit.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
