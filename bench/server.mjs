// The loopback server for the benchmark: keep-alive node:http answering a fixed body, in its
// own process so that serving does not share the client's event loop. Prints its port.
import { createServer } from "node:http";

const body = process.argv[2] ?? "{}";
const length = Buffer.byteLength(body);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
