// The smoke suite in headless Chromium: a page served from loopback imports the installed package
// through an import map (the client, the kit, openapi-fetch's ESM file, as the app's node_modules
// has them) and runs the same module the other runtimes run, against a server of the spec that the
// page's own origin passes through under /api (as an app's server proxies an API: the kit's mock
// sends no CORS headers, and a browser would refuse a cross-origin answer without them).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { listenOnLoopback } from "../../../contract-tests/lib/loopback.ts";
import { launchChromium } from "../../../scripts/lib/chromium.ts";

/** A server that implements the spec, and the key it takes. */
interface SpecServer {
  url: string;
  apiKey: string;
}

interface SmokeCheck {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}
export interface SmokeReport {
  runtime?: string;
  ok: boolean;
  results: SmokeCheck[];
}

/** Serves the page, the smoke module and the package's ESM files from `app`; nothing else. */
async function serve(app: string, smoke: string, target: SpecServer): Promise<Server> {
  const pkg = join(app, "node_modules", "leadconduit-client", "dist");
  const files: Record<string, string> = {
    "/pkg/index.mjs": join(pkg, "index.mjs"),
    "/pkg/testing.mjs": join(pkg, "testing.mjs"),
    "/vendor/openapi-fetch.mjs": join(app, "node_modules", "openapi-fetch", "dist", "index.mjs"),
    "/smoke.mjs": smoke,
  };
  const imports = {
    "leadconduit-client": "/pkg/index.mjs",
    "leadconduit-client/testing": "/pkg/testing.mjs",
    "openapi-fetch": "/vendor/openapi-fetch.mjs",
  };
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>leadconduit-client smoke</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">import { runSmoke } from "/smoke.mjs"; window.__smoke = runSmoke(location.origin + "/api", ${JSON.stringify(target.apiKey)});</script>
</head><body></body></html>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path.startsWith("/api/")) return void passThrough(req, res, `${target.url}${req.url!.slice("/api".length)}`);
    if (path === "/") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    const file = files[path];
    if (!file) return res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(file));
  });
  await listenOnLoopback(server);
  return server;
}

/** Sends a request on to `url` and its answer back, status, headers and body as they are. */
async function passThrough(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.entries(req.headers).flatMap(([name, value]) =>
    name === "host" || name === "connection" || value === undefined ? [] : [[name, String(value)] as [string, string]],
  );
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const answer = await fetch(url, { method: req.method ?? "GET", headers, ...(body ? { body } : {}) });
  const passed = [...answer.headers].filter(
    ([name]) => !["content-encoding", "content-length", "connection"].includes(name),
  );
  res.writeHead(answer.status, Object.fromEntries(passed)).end(Buffer.from(await answer.arrayBuffer()));
}

/** Runs the smoke module in a fresh page; the report, with the browser's version as its runtime. */
export async function smokeInChromium(app: string, smoke: string, target: SpecServer): Promise<SmokeReport> {
  const server = await serve(app, smoke, target);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: "load" });
    await page
      .waitForFunction(() => (window as unknown as { __smoke?: unknown }).__smoke !== undefined, undefined, {
        timeout: 10_000,
      })
      .catch(() => {
        throw new Error(`the smoke module did not start: ${problems.join("; ") || "no error reported"}`);
      });
    const report = await page.evaluate(() => (window as unknown as { __smoke: Promise<SmokeReport> }).__smoke);
    return { ...report, runtime: `chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
