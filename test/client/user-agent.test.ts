// Requests carry `User-Agent: leadconduit-client/<version>` where the runtime lets a client set
// it (Node, Bun, Deno), on the typed calls' direct path and through `raw` and its middleware, a
// User-Agent the app's middleware sets winning; never in a browser.
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { listenOnLoopback } from "../../contract-tests/lib/loopback.ts";
import { createLeadConduitClient } from "../../src/client/index.ts";
import { CLIENT_VERSION, USER_AGENT, userAgentAllowed } from "../../src/client/user-agent.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

function recording() {
  const agents: (string | null)[] = [];
  const fetch = async (input: string | Request, init?: RequestInit) => {
    agents.push(new Request(input, init).headers.get("user-agent"));
    return Response.json(EXAMPLE_OK);
  };
  return { agents, fetch };
}

describe("User-Agent", () => {
  it("is leadconduit-client/<version>: the package's version once built, no release's when run from source", () => {
    expect(USER_AGENT).toBe(`leadconduit-client/${CLIENT_VERSION}`);
    // these tests run src/ unbuilt; the built package's own is checked by test/package/pack.test.ts
    expect(CLIENT_VERSION).toBe("0.0.0-source");
  });

  it("goes with every request in Node: typed calls, raw, and typed calls through middleware", async () => {
    const { agents, fetch } = recording();
    const lc = createLeadConduitClient({ apiKey: "sk-ua", baseUrl: "https://api.test", fetch });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.raw.POST("/invitations/source", { body: { email: "a@example.com" } });
    lc.raw.use({ onRequest: ({ request }) => request });
    await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8");
    expect(agents).toEqual([USER_AGENT, USER_AGENT, USER_AGENT]);
  });

  it("reaches the server over HTTP, as Node's fetch sends it", async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers["user-agent"]);
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(EXAMPLE_OK)));
    });
    const baseUrl = await listenOnLoopback(server);
    try {
      const lc = createLeadConduitClient({ apiKey: "sk-ua", baseUrl });
      await lc.invitations.createRecipient({ email: "a@example.com" });
      expect(seen).toEqual([USER_AGENT]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("gives way to one the app's middleware sets", async () => {
    const { agents, fetch } = recording();
    const lc = createLeadConduitClient({ apiKey: "sk-ua", baseUrl: "https://api.test", fetch });
    lc.raw.use({
      onRequest: ({ request }) => {
        request.headers.set("User-Agent", "my-app/2.0");
        return request;
      },
    });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(agents).toEqual(["my-app/2.0"]);
  });

  it.each([
    ["Node", { process: { versions: { node: "20.20.2" } } }, true],
    ["Bun", { Bun: {}, process: { versions: { node: "22.6.0" } } }, true],
    ["Deno", { Deno: { version: {} } }, true],
    ["a browser page", { document: {}, navigator: { userAgent: "Mozilla/5.0" } }, false],
    ["a browser worker", { importScripts: () => {}, navigator: { userAgent: "Mozilla/5.0" } }, false],
    ["a page whose bundler shims process", { document: {}, process: { versions: { node: "20.0.0" } } }, false],
    ["a runtime it does not know", {}, false],
  ])("%s: set by the client, %s", (_where, scope, allowed) => {
    expect(userAgentAllowed(scope)).toBe(allowed);
  });

  it("this runtime (Node) is one that lets it", () => {
    expect(userAgentAllowed()).toBe(true);
  });
});
