// A node:http server (port 0) that answers each scenario on demand. The scenario is the first
// path segment of the client's baseUrl (`/name~tag`), so concurrent tests never share state.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { listenOnLoopback } from "../../contract-tests/lib/loopback.ts";
import { firstExample, spec, successResponse } from "../../contract-tests/lib/spec.ts";

/** The spec's own 200 example: a conforming body without copying it here. */
export const EXAMPLE_OK = firstExample(successResponse(spec.operations[0]!)) as {
  message: string;
  entity: Record<string, unknown>;
};

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const scenarios: Record<string, Handler> = {
  ok: (_req, res) => json(res, 200, EXAMPLE_OK),
  "flaky-5xx": (_req, res, n) =>
    n <= 3 ? json(res, [500, 502, 503][n - 1]!, { error: "try again" }) : json(res, 200, EXAMPLE_OK),
  "timeout-408-then-ok": (_req, res, n) =>
    n === 1 ? json(res, 408, { error: "request timeout" }) : json(res, 200, EXAMPLE_OK),
  "retry-after-1": (_req, res, n) =>
    n === 1 ? json(res, 429, { error: "slow down" }, { "retry-after": "1" }) : json(res, 200, EXAMPLE_OK),
  "rate-limited-forever": (_req, res) => json(res, 429, { error: "slow down" }),
  "retry-after-too-long": (_req, res) => json(res, 429, { error: "come back in an hour" }, { "retry-after": "3600" }),
  "reset-mid-response": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
    res.write('{"message":"Invitation was sent successfully","entity":{"na');
    setImmediate(() => res.socket?.destroy());
  },
  hang: () => {
    /* never answers */
  },
  "truncated-json": (_req, res) => {
    const text = JSON.stringify(EXAMPLE_OK).slice(0, 40);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  },
  "html-502": (_req, res) => {
    const page =
      "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";
    res.writeHead(502, { "content-type": "text/html", "content-length": Buffer.byteLength(page) });
    res.end(page);
  },
  "empty-200": (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "0" });
    res.end();
  },
  "breaks-spec-200": (_req, res) => {
    const { name: _name, ...entity } = EXAMPLE_OK.entity;
    json(res, 200, { ...EXAMPLE_OK, entity: { ...entity, connected: "telepathy", flow_ids: ["nope"] } });
  },
  "breaks-format-200": (_req, res) => {
    json(res, 200, { ...EXAMPLE_OK, entity: { ...EXAMPLE_OK.entity, flow_ids: ["nope"], created_at: "yesterday" } });
  },
  "text-200": (_req, res) => {
    const text = JSON.stringify(EXAMPLE_OK);
    res.writeHead(200, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
    res.end(text);
  },
  "auth-401": (_req, res) => json(res, 401, { error: "authentication failed" }),
  "forbidden-403": (_req, res) => json(res, 403, { error: "forbidden" }),
  "not-found-404": (_req, res) => json(res, 404, { error: "not found" }),
  "unprocessable-422": (_req, res) => json(res, 422, { error: "email is invalid" }),
  "bad-request-400": (_req, res) => json(res, 400, { error: "bad request" }),
  "teapot-418": (_req, res) => json(res, 418, { error: "I'm a teapot" }),
  // a careless server that echoes the credentials it got: errors must not carry them on
  "echo-auth-500": (req, res) => {
    const header = req.headers.authorization ?? "";
    const decoded = Buffer.from(header.replace(/^Basic /, ""), "base64").toString("utf8");
    json(res, 500, { error: `bad key ${decoded} from header ${header}` });
  },
  // ...and one that echoes them in its response headers (header values are Latin-1: the key
  // goes back URL-encoded, as a careless server would send a non-ASCII one)
  "echo-auth-headers-401": (req, res) => {
    const header = req.headers.authorization ?? "";
    const decoded = Buffer.from(header.replace(/^Basic /, ""), "base64").toString("utf8");
    json(
      res,
      401,
      { error: "authentication failed" },
      {
        "x-debug-authorization": header,
        "www-authenticate": `Basic realm="${encodeURIComponent(decoded.slice("API:".length))}"`,
        "set-cookie": `session=${encodeURIComponent(decoded)}; HttpOnly`,
      },
    );
  },
  // a 503 that asks to come back in an hour
  "unavailable-retry-after-3600": (_req, res) =>
    json(res, 503, { error: "down for maintenance" }, { "retry-after": "3600" }),
};

export interface FaultServer {
  url: string;
  /** requests seen per scenario */
  count: (scenario: string) => number;
  /** called with the scenario path (`name~tag`) of each request, once its body has arrived */
  onArrival?: ((scenario: string) => void) | undefined;
  close: () => Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const scenario = (req.url ?? "/").split("/")[1] ?? "";
    const n = (counts.get(scenario) ?? 0) + 1;
    counts.set(scenario, n);
    req.resume();
    req.on("end", () => {
      fault.onArrival?.(scenario);
      // `name~tag` runs scenario `name` with its own request counter
      const handler = scenarios[scenario.split("~")[0]!];
      if (handler) handler(req, res, n);
      else json(res, 404, { error: `no scenario ${scenario}` });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const url = await listenOnLoopback(server);
  const fault: FaultServer = {
    url,
    count: (scenario) => counts.get(scenario) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy(); // the hanging scenario keeps sockets open
        server.close(() => resolve());
      }),
  };
  return fault;
}
