// The testing kit's mock behind a real node:http server on a loopback port chosen by the OS, so
// the contract suite reaches it exactly as it reaches Prism (and the live gate's tests reach
// their stand-in, stand-in-server.ts): same URLs, same raw requests, same sockets. Each request becomes a fetch `Request` for `mock.handle`, and its `Response` is
// written back; a dropped connection (`Response.error()`) destroys the socket. Test support
// only: the kit itself has no Node built-ins and ships no server.
//
// Prism says what it refused in an `sl-violations` header; the mock records it in
// `mock.violations`. This server hands each request's share of those back in the
// `x-mock-violations` header, so a test across the wire can see both. To know which violations
// are whose, the mock answers one request at a time (it answers in microseconds; a scripted
// hang holds the line until its client goes away, which aborts the request's signal).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { LeadConduitMock, MockViolation, OperationId } from "../../src/testing/index.ts";
import { listenOnLoopback } from "./loopback.ts";

/** The response header that carries what the mock recorded about the request it answers. */
export const VIOLATIONS_HEADER = "x-mock-violations";

/**
 * The request header that scripts the answer to itself: `<operationId> <status>` makes the server
 * call `mock.reply(operationId, { status })` first, so the kit answers that documented status as
 * `mock.reply` does (its documented example). How the suite asks the mock for a documented error
 * a request alone cannot cause (targets.ts `ask`); an app's test calls `mock.reply` itself.
 */
export const REPLY_HEADER = "x-mock-reply";

/** What the server uses of a mock: `createLeadConduitMock` returns it. */
export type ServedMock = Pick<LeadConduitMock, "handle" | "assertNoViolations"> &
  Partial<Pick<LeadConduitMock, "reply">>;

export interface MockServer {
  url: string;
  close: () => Promise<void>;
}

// Hop-by-hop headers belong to the connection Node already read, not to the request the mock sees.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "content-length",
]);

/** The fetch Request an incoming request stands for, with its whole body (none for GET/HEAD). */
function toRequest(
  incoming: IncomingMessage,
  body: Uint8Array<ArrayBuffer>,
  origin: string,
  signal?: AbortSignal,
): Request {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) headers.append(raw[i]!, raw[i + 1]!);
  }
  const method = incoming.method ?? "GET";
  const bodyless = method === "GET" || method === "HEAD" || body.length === 0;
  // a Blob adds no Content-Type of its own: the mock sees exactly the headers that were sent
  // the request-target is a path: `//x` must stay a path, not become a host
  return new Request(new URL(`${origin}${incoming.url ?? "/"}`), {
    method,
    headers,
    body: bodyless ? null : new Blob([body]),
    ...(signal ? { signal } : {}),
  });
}

/** Writes a fetch Response to a node:http response; a network error destroys the socket instead. */
async function writeResponse(response: Response, out: ServerResponse, extra: [string, string][] = []): Promise<void> {
  if (response.type === "error") {
    out.socket?.destroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length") headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(["set-cookie", cookie]);
  headers.push(["content-length", String(body.length)], ...extra);
  out.writeHead(response.status, headers.flat());
  out.end(body);
}

/** The violations the mock recorded since it last handed them over (the kit forgets them once thrown). */
function takeViolations(mock: ServedMock): MockViolation[] {
  try {
    mock.assertNoViolations();
    return [];
  } catch (error) {
    return [...((error as { violations?: MockViolation[] }).violations ?? [])];
  }
}

function readBody(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.once("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    incoming.once("error", reject);
  });
}

/** Answers one request with the mock, its violations attached; `queue` keeps requests one at a time. */
async function answer(
  mock: ServedMock,
  origin: string,
  queue: { turn: Promise<unknown> },
  incoming: IncomingMessage,
  out: ServerResponse,
): Promise<void> {
  const client = new AbortController();
  out.once("close", () => {
    if (!out.writableFinished) client.abort(new Error("the client went away"));
  });
  let request: Request;
  try {
    request = toRequest(incoming, await readBody(incoming), origin, client.signal);
  } catch (error) {
    out.writeHead(501, { "content-type": "text/plain; charset=utf-8" });
    out.end(`the mock server cannot pass this request on: ${(error as Error).message}`);
    return;
  }
  const mine = queue.turn.then(async () => {
    const [operationId, status] = (request.headers.get(REPLY_HEADER) ?? "").split(" ");
    if (operationId && status && mock.reply) mock.reply(operationId as OperationId, { status: Number(status) });
    // a scripted hang rejects once the client is gone; nobody is left to answer
    const response = await mock
      .handle(request)
      .catch((error: unknown) => (client.signal.aborted ? Response.error() : Promise.reject(error)));
    return { response, violations: takeViolations(mock) };
  });
  queue.turn = mine.catch(() => undefined);
  const { response, violations } = await mine;
  await writeResponse(response, out, [[VIOLATIONS_HEADER, JSON.stringify(violations)]]);
}

/** Starts the server on 127.0.0.1 and a port the OS picks; `close` ends it and every open connection. */
export async function startMockServer(mock: ServedMock): Promise<MockServer> {
  const queue = { turn: Promise.resolve() as Promise<unknown> };
  const server: Server = createServer((incoming, out) => {
    answer(mock, url, queue, incoming, out).catch((error: unknown) => {
      if (!out.headersSent) out.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      out.end(`the mock failed: ${(error as Error).message}`);
    });
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
