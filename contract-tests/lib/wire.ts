// A request exactly as it goes on the wire, sent with node:http: fetch cannot send what the
// property test needs (it resolves dot segments and adds Accept, User-Agent and
// Accept-Encoding of its own). The request line carries the path as written, the headers are
// the ones given (node:http adds only Host and Connection), the body is the bytes given, with
// their Content-Length.
import { request as httpRequest } from "node:http";

export interface WireRequest {
  method: string;
  /** the request-target: path and query, as written on the request line */
  target: string;
  /** lower-case names, in the order sent; Content-Length is added */
  headers: [string, string][];
  body: Uint8Array;
}

/** What came back: an answer, or no answer at all (the target closed the connection or is gone). */
export type Reply =
  | { kind: "answer"; status: number; contentType: string | null; text: string }
  | { kind: "no answer"; error: string };

const REPLY_TIMEOUT_MS = 10_000;

/** Sends `wire` to the server at `url` (http://host:port) on a connection of its own. */
export function sendWire(url: string, wire: WireRequest): Promise<Reply> {
  const { hostname, port } = new URL(url);
  const headers: Record<string, string> = { "content-length": String(wire.body.length) };
  for (const [name, value] of wire.headers) headers[name] = value;
  return new Promise((resolve) => {
    const req = httpRequest({
      host: hostname,
      port: Number(port),
      method: wire.method,
      path: wire.target,
      headers,
      agent: false,
      timeout: REPLY_TIMEOUT_MS,
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${REPLY_TIMEOUT_MS} ms`)));
    req.on("error", (error) => resolve({ kind: "no answer", error: error.message }));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => resolve({ kind: "no answer", error: error.message }));
      res.on("end", () =>
        resolve({
          kind: "answer",
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"] ?? null,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.end(wire.body);
  });
}
