// A stand-in for a server that implements the spec: the testing kit's mock (which answers as
// the spec says: its examples, the documented 401, Prism's refusals) behind a real node:http
// server on a loopback port chosen by the OS (mock-server.ts). `tamper` bends one answer, to
// play a server that drifted. Used by the live gate's tests and by the check of the
// `leadconduit-contract` bin from the packed tarball.
import { createLeadConduitMock } from "../../src/testing/index.ts";
import { type MockServer, startMockServer } from "./mock-server.ts";

/** What the gate's probe was, as the answer shows: refused for its credentials, for its body, or taken. */
export type Kind = "valid" | "no-credentials" | "bad-body";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Context {
  operationId: string;
  kind: Kind;
  request: Request;
}

/** Bends the conforming answer; returning nothing keeps it. */
export type Tamper = (ctx: Context, answer: Answer) => Answer | undefined;

export interface StandIn {
  url: string;
  /** every request received, in order (`url` is the path and query) */
  requests: { method: string; url: string; authorization?: string }[];
  tamper?: Tamper;
  close: () => Promise<void>;
}

const JSON_UTF8 = "application/json; charset=utf-8";

export function json(status: number, value: unknown): Answer {
  return { status, headers: { "content-type": JSON_UTF8 }, body: JSON.stringify(value) };
}

const kindOf = (status: number): Kind =>
  status === 401 ? "no-credentials" : status >= 400 && status < 500 ? "bad-body" : "valid";

export async function startStandIn(apiKey: string, tamper?: Tamper): Promise<StandIn> {
  const mock = createLeadConduitMock({ apiKey });
  const standIn: StandIn = { url: "", requests: [], ...(tamper ? { tamper } : {}), close: async () => {} };
  const handle = async (request: Request): Promise<Response> => {
    const { pathname, search } = new URL(request.url);
    const authorization = request.headers.get("authorization");
    standIn.requests.push({
      method: request.method,
      url: pathname + search,
      ...(authorization ? { authorization } : {}),
    });
    const response = await mock.handle(request);
    const operationId = mock.calls.at(-1)?.operationId;
    if (!operationId || !standIn.tamper) return response;
    const answer: Answer = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
    const final = standIn.tamper({ operationId, kind: kindOf(response.status), request }, answer) ?? answer;
    return new Response(final.body === "" ? null : final.body, { status: final.status, headers: final.headers });
  };
  const server: MockServer = await startMockServer({ handle, assertNoViolations: () => mock.assertNoViolations() });
  standIn.url = server.url;
  standIn.close = server.close;
  return standIn;
}

// ---------------------------------------------------------------- drift

/** Changes the entity of one operation's answer to a valid call. */
export function entityOf(operationId: string, change: (entity: Record<string, unknown>) => void): Tamper {
  return (ctx, answer) => {
    if (ctx.operationId !== operationId || ctx.kind !== "valid") return;
    const body = JSON.parse(answer.body) as { entity: Record<string, unknown> };
    change(body.entity);
    return { ...answer, body: JSON.stringify(body) };
  };
}

/** Replaces the answer to one kind of call of one operation. */
export function when(operationId: string, kind: Kind, replace: (answer: Answer) => Answer): Tamper {
  return (ctx, answer) => (ctx.operationId === operationId && ctx.kind === kind ? replace(answer) : undefined);
}

/** A server that echoes the key it was sent, in every kind of answer the gate quotes. */
export function echoing(apiKey: string, operationId: string): Tamper {
  return (ctx, answer) => {
    const said = `key ${apiKey} header ${ctx.request.headers.get("authorization") ?? "none"}`;
    if (ctx.operationId === operationId && ctx.kind === "valid")
      return { status: 500, headers: { "content-type": "text/plain" }, body: said };
    if (ctx.kind === "no-credentials") return json(401, { error: `authentication failed, expected ${apiKey}` });
    if (ctx.kind === "bad-body") return json(400, { error: said });
    return answer;
  };
}
