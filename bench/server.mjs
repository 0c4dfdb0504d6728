// The loopback server for the benchmark: keep-alive node:http answering a fixed body, in its
// own process so that serving does not share the client's event loop. Prints its port.
// Answers 401 to a request without the expected Authorization header, so that a client that
// forgot its credentials shows up in the bench's self-check instead of being fast.
import { createServer } from "node:http";

const body = process.argv[2] ?? "{}";
const authorization = process.argv[3];
const length = Buffer.byteLength(body);
const denied = JSON.stringify({ error: "unauthorized" });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (authorization !== undefined && req.headers.authorization !== authorization) {
      res.writeHead(401, { "content-type": "application/json", "content-length": Buffer.byteLength(denied) });
      return res.end(denied);
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
