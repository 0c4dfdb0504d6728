// `lc.raw` is openapi-fetch with the client's authentication and nothing else: what the README
// promises about it, held to.
import { describe, expect, it } from "vitest";
import { basicAuthorization, createLeadConduitClient } from "../../src/client/index.ts";
import { USER_AGENT } from "../../src/client/user-agent.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";
import { recordingFetch } from "../support/recording-fetch.ts";

describe("lc.raw", () => {
  it("authenticates, and returns a failure as { error, response } without retrying or throwing", async () => {
    const { seen, fetch } = recordingFetch(() => Response.json({ error: "try again" }, { status: 503 }));
    const lc = createLeadConduitClient({ apiKey: "raw-key", baseUrl: "https://api.test", fetch, maxRetries: 5 });
    const { data, error, response } = await lc.raw.POST("/invitations/recipient", { body: { email: "a@example.com" } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "try again" });
    expect(response.status).toBe(503);
    expect(seen).toEqual([
      {
        given: "Request",
        method: "POST",
        url: "https://api.test/invitations/recipient",
        headers: {
          authorization: basicAuthorization("raw-key"),
          "user-agent": USER_AGENT,
          "content-type": "application/json",
        },
        body: '{"email":"a@example.com"}',
      },
    ]);
  });

  it("sends what it is given: no request validation", async () => {
    const { seen, fetch } = recordingFetch(() => Response.json({ error: "bad" }, { status: 422 }));
    const lc = createLeadConduitClient({ apiKey: "raw-key", baseUrl: "https://api.test", fetch });
    // @ts-expect-error the generated types require `email`
    const { response } = await lc.raw.POST("/invitations/recipient", { body: { mail: "x" } });
    expect(response.status).toBe(422);
    expect(seen.map((s) => s.body)).toEqual(['{"mail":"x"}']);
  });

  it("returns any 2xx body as data: no response validation", async () => {
    const { fetch } = recordingFetch(() => Response.json({ unexpected: true }));
    const lc = createLeadConduitClient({
      apiKey: "raw-key",
      baseUrl: "https://api.test",
      fetch,
      validateResponses: true,
    });
    const { data } = await lc.raw.PUT("/invitations/{entityId}/resend", {
      params: { path: { entityId: "64b8f0f5e4b0c3a1d5e6f7a8" } },
    });
    expect(data).toEqual({ unexpected: true });
  });

  it("middleware added with raw.use() runs for the typed methods too, and never sees the key", async () => {
    const { seen, fetch } = recordingFetch(() => Response.json(EXAMPLE_OK));
    const lc = createLeadConduitClient({ apiKey: "raw-key", baseUrl: "https://api.test", fetch });
    const traced: string[] = [];
    lc.raw.use({
      onRequest({ request }) {
        traced.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("authorization")}`);
        return request;
      },
    });
    await lc.invitations.createSource({ email: "a@example.com" });
    await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8");
    await lc.raw.POST("/invitations/recipient", { body: { email: "a@example.com" } });
    // a logging middleware never sees the key: the header is added after every middleware
    expect(traced).toEqual([
      "POST /invitations/source null",
      "PUT /invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend null",
      "POST /invitations/recipient null",
    ]);
    expect(seen.map((s) => s.headers.authorization)).toEqual(Array(3).fill(basicAuthorization("raw-key")));
  });
});
