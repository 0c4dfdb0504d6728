// The contract suite's door onto the kit's mock: a real node:http server on a loopback port.
// A request arrives at the mock as it was sent (headers, body bytes, no Content-Type added),
// the mock's answer leaves as it was made, a dropped connection drops the socket, each answer
// carries exactly its own request's violations even when requests overlap, and a key never
// shows in what the server sends back.
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  type MockServer,
  type ServedMock,
  startMockServer,
  VIOLATIONS_HEADER,
} from "../../contract-tests/lib/mock-server.ts";
import { operationsAt } from "../../contract-tests/lib/spec.ts";
import { basicAuthorization } from "../../src/client/index.ts";
import { createLeadConduitMock, type LeadConduitMock, type MockViolation } from "../../src/testing/index.ts";
import { keyForms } from "../support/leaks.ts";

const KEY = 'sk-CANARY-srv-"\\-κλειδί';
const AUTH = basicAuthorization(KEY);
const JSON_AUTH = { "content-type": "application/json", authorization: AUTH };
const VALID = JSON.stringify({ email: "mike.jones@example.com" });
const RECIPIENT = "/invitations/recipient";

let servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(mock: ServedMock = createLeadConduitMock({ apiKey: KEY })): Promise<MockServer> {
  const server = await startMockServer(mock);
  servers.push(server);
  return server;
}

const violationsOf = (res: Response) =>
  JSON.parse(res.headers.get(VIOLATIONS_HEADER) ?? "null") as MockViolation[] | null;

describe("startMockServer", () => {
  it("listens on a loopback port the OS chose and answers as the mock does", async () => {
    const server = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = (await res.json()) as { entity: { id: string } };
    expect(body.entity.id).toBe("6d6f636b0000000000000001");
    expect(Number(res.headers.get("content-length"))).toBe(JSON.stringify(body).length);
    expect(violationsOf(res)).toEqual([]);
  });

  it("hands the mock the request as sent: method, path, query, headers and body, no hop-by-hop header", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const server = await serve(mock);
    await fetch(`${server.url}${RECIPIENT}?x=1`, {
      method: "POST",
      headers: { ...JSON_AUTH, "x-trace": "a" },
      body: VALID,
    });
    expect(mock.calls).toHaveLength(1);
    const call = mock.calls[0]!;
    expect(call).toMatchObject({
      operationId: "createRecipientInvitation",
      method: "POST",
      path: RECIPIENT,
      body: { email: "mike.jones@example.com" },
    });
    expect(call.headers).toMatchObject({
      "content-type": "application/json",
      "x-trace": "a",
      authorization: "Basic [REDACTED]",
    });
    expect(Object.keys(call.headers)).not.toContain("connection");
    expect(Object.keys(call.headers)).not.toContain("content-length");
  });

  it("adds no Content-Type to a body sent without one (the mock reads it as text, as Prism does)", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const server = await serve(mock);
    const res = await fetch(`${server.url}${RECIPIENT}`, {
      method: "POST",
      headers: { authorization: AUTH },
      body: new Blob([VALID]),
    });
    expect(res.status).toBe(422);
    expect(mock.calls[0]!.headers["content-type"]).toBeUndefined();
    expect(violationsOf(res)).toEqual([expect.objectContaining({ path: "body", message: "must be object" })]);
  });

  it("keeps a request-target that starts with // a path", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const server = await serve(mock);
    const res = await fetch(`${server.url}/${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID });
    expect(res.status).toBe(404);
    expect(mock.calls[0]!.path).toBe(`/${RECIPIENT}`);
  });

  it("sends no body to HEAD, and the status and headers of the mock's answer", async () => {
    const nowhere = "/no-such-resource";
    expect(operationsAt(nowhere)).toEqual([]);
    const server = await serve();
    const res = await fetch(`${server.url}${nowhere}`, { method: "HEAD", headers: { authorization: AUTH } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.text()).toBe("");
  });

  it("gives each answer exactly its own request's violations, however the requests overlap", async () => {
    const server = await serve();
    const bodies = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? VALID : i % 3 === 1 ? "{}" : `{"email":${i}}`));
    const answers = await Promise.all(
      bodies.map((body) =>
        fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body }).then(async (res) => ({
          res,
          text: await res.text(),
        })),
      ),
    );
    answers.forEach(({ res }, i) => {
      const expected =
        i % 3 === 0
          ? []
          : i % 3 === 1
            ? [{ path: "body/email", keyword: "required" }]
            : [{ path: "body/email", keyword: "type" }];
      expect(violationsOf(res), `request ${i}`).toEqual(
        expected.map((v) => expect.objectContaining({ ...v, status: res.status })),
      );
    });
  });

  it("keeps violations apart even for a mock that takes its time over each request", async () => {
    // records a violation as each request arrives and answers a little later, so unserialised
    // requests would overlap and take each other's violations
    let recorded: Partial<MockViolation>[] = [];
    const slow: ServedMock = {
      async handle(request) {
        const n = new URL(request.url).searchParams.get("n")!;
        recorded.push({ message: n });
        await new Promise((resolve) => setTimeout(resolve, 2));
        return new Response(n);
      },
      assertNoViolations() {
        const taken = recorded;
        recorded = [];
        if (taken.length) throw Object.assign(new Error("violations"), { violations: taken });
      },
    };
    const server = await serve(slow);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => fetch(`${server.url}/x?n=${n}`)));
    answers.forEach((res, n) => {
      expect(violationsOf(res)).toEqual([{ message: String(n) }]);
    });
  });

  it("drops the connection when the mock drops it", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    mock.fail("createRecipientInvitation", "network");
    const server = await serve(mock);
    const error = await fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError).cause)).toMatch(/other side closed|socket hang up|ECONNRESET/i);
    // the next request is answered: the failure was one connection's, not the server's
    expect((await fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID })).status).toBe(
      200,
    );
  });

  it("a scripted hang holds the line only until its client goes away", async () => {
    const mock: LeadConduitMock = createLeadConduitMock({ apiKey: KEY });
    mock.fail("createRecipientInvitation", "timeout");
    const server = await serve(mock);
    const client = new AbortController();
    const hanging = fetch(`${server.url}${RECIPIENT}`, {
      method: "POST",
      headers: JSON_AUTH,
      body: VALID,
      signal: client.signal,
    });
    await expect.poll(() => mock.calls.length).toBe(1);
    client.abort();
    await expect(hanging).rejects.toThrow(/abort/i);
    const next = await fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID });
    expect(next.status).toBe(200);
  });

  it("answers 500 with the reason when the mock itself throws, and 501 to a request fetch cannot express", async () => {
    const broken: ServedMock = { handle: async () => Promise.reject(new Error("boom")), assertNoViolations: () => {} };
    const server = await serve(broken);
    const res = await fetch(`${server.url}${RECIPIENT}`, { method: "POST", body: VALID });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("the mock failed: boom");

    const working = await serve();
    const trace = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${working.url}${RECIPIENT}`, { method: "TRACE" }, (r) => {
        let text = "";
        r.on("data", (c: Buffer) => (text += c)).on("end", () => resolve({ status: r.statusCode!, text }));
      });
      req.on("error", reject).end();
    });
    expect(trace.status).toBe(501);
    expect(trace.text).toMatch(/cannot pass this request on: .*TRACE/);
  });

  it("sends back no form of a key, whatever the request carried where", async () => {
    const server = await serve();
    const WRONG = "sk-WRONG-srv-0b1d";
    const forms = [KEY, WRONG].flatMap(keyForms);
    const requests: [string, RequestInit][] = [
      [RECIPIENT, { method: "POST", headers: JSON_AUTH, body: JSON.stringify({ email: KEY }) }],
      [RECIPIENT, { method: "POST", headers: JSON_AUTH, body: JSON.stringify({ email: "a@example.com", [KEY]: 1 }) }],
      [`/invitations/${encodeURIComponent(KEY)}/resend`, { method: "PUT", headers: { authorization: AUTH } }],
      [
        RECIPIENT,
        {
          method: "POST",
          headers: { ...JSON_AUTH, authorization: basicAuthorization(WRONG) },
          body: JSON.stringify({ email: WRONG }),
        },
      ],
      [`${RECIPIENT}/${encodeURIComponent(KEY)}`, { method: "POST", headers: JSON_AUTH, body: VALID }],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${server.url}${path}`, init);
      const seen = `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
      expect(res.status).not.toBe(200);
      for (const form of forms) expect(seen.includes(form), `${path}: ${form}`).toBe(false);
    }
  });

  it("close() ends the server and its open keep-alive connections", async () => {
    const server = await startMockServer(createLeadConduitMock({ apiKey: KEY }));
    await (await fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID })).arrayBuffer();
    await server.close();
    await expect(
      fetch(`${server.url}${RECIPIENT}`, { method: "POST", headers: JSON_AUTH, body: VALID }),
    ).rejects.toThrow(/fetch failed/);
  });
});
