// `npm run test:runtimes`: runs the smoke suite (test/runtimes/smoke.mjs, importing the BUILT
// package) on every runtime the client supports, against one Prism mock of the spec:
//   Node 20 (this machine's), Node 22, Node 24, Bun, Deno: `<runtime> test/runtimes/cli.mjs <url>`
//   headless Chromium (found by scripts/lib/chromium.ts, driven by playwright-core): the same
//   module in a page served from loopback, with an import map pointing at dist/ and
//   openapi-fetch's ESM file.
// The other runtimes come from npm packages that ship the binary itself (no install script),
// pinned in scripts/lib/npm-runtimes.ts and cached under .tmp/runtimes/. Prints one table;
// exits non-zero, naming the runtime and why, when any runtime fails or cannot be had.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type RunningPrism, startPrism } from "../contract-tests/lib/prism.ts";
import { textTable } from "../src/gate/table.ts";
import { childEnv } from "../src/gate/terminal.ts";
import { buildPackage } from "./lib/build.ts";
import { findBrowser, launchChromium } from "./lib/chromium.ts";
import { RUNTIMES_CACHE as CACHE, ensureNpmRuntime, NPM_RUNTIMES } from "./lib/npm-runtimes.ts";
import { inRoot, PATHS, ROOT } from "./lib/paths.ts";
import { run, tail } from "./lib/run.ts";

const SMOKE = inRoot("test", "runtimes", "smoke.mjs");
const CLI = inRoot("test", "runtimes", "cli.mjs");

const RUN_TIMEOUT_MS = 60_000;

interface SmokeCheck {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}
interface SmokeReport {
  runtime?: string;
  ok: boolean;
  results: SmokeCheck[];
}
interface Row {
  runtime: string;
  version: string;
  ok: boolean;
  ms: number;
  why?: string;
}

/** Why a smoke report failed, in a few lines. */
function reasons(report: SmokeReport): string {
  return report.results
    .filter((r) => !r.ok)
    .map((r) => `${r.name}: ${(r.error ?? "").split("\n").slice(0, 3).join(" | ")}`)
    .join("\n");
}

function parseReport(stdout: string): SmokeReport | undefined {
  const line = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) return undefined;
  try {
    return JSON.parse(line) as SmokeReport;
  } catch {
    return undefined;
  }
}

async function runCli(runtime: string, command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<Row> {
  const result = await run(command, args, { cwd: ROOT, env: env ?? process.env, timeoutMs: RUN_TIMEOUT_MS });
  const report = parseReport(result.stdout);
  const version = report?.runtime?.split(" ")[1] ?? "?";
  if (report?.ok && result.code === 0) return { runtime, version, ok: true, ms: result.ms };
  const why = report
    ? reasons(report) || `exit code ${result.code}`
    : `no report (exit ${result.code}):\n${tail(result, 15)}`;
  return { runtime, version, ok: false, ms: result.ms, why };
}

/** Serves the page, the smoke module, dist/index.mjs, dist/testing.mjs and openapi-fetch's ESM file; nothing else. */
async function serveBrowserFiles(prismUrl: string): Promise<Server> {
  const openapiFetch = fileURLToPath(import.meta.resolve("openapi-fetch").replace(/index\.c?js$/, "index.mjs"));
  const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>leadconduit-client smoke</title>
<script type="importmap">${JSON.stringify({
    imports: {
      "leadconduit-client": "/pkg/dist/index.mjs",
      "leadconduit-client/testing": "/pkg/dist/testing.mjs",
      "openapi-fetch": "/vendor/openapi-fetch.mjs",
    },
  })}</script>
<script type="module">
import { runSmoke } from "/smoke.mjs";
window.__smoke = runSmoke(${JSON.stringify(prismUrl)});
</script></head><body></body></html>`;
  const files: Record<string, string> = {
    "/pkg/dist/index.mjs": join(PATHS.dist, "index.mjs"),
    "/pkg/dist/testing.mjs": join(PATHS.dist, "testing.mjs"),
    "/vendor/openapi-fetch.mjs": openapiFetch,
    "/smoke.mjs": SMOKE,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return res.end(page);
    }
    const file = files[path];
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return server;
}

async function runChromium(prismUrl: string): Promise<Row> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let version = "?";
  // a system browser, else the one packaged in npm (unpacked on first launch), never a download
  const found = findBrowser();
  if ("missing" in found) return { runtime: "chromium", version, ok: false, ms: ms(), why: found.missing };
  const server = await serveBrowserFiles(prismUrl);
  const browser = await launchChromium().catch((error: Error) => error);
  try {
    if (browser instanceof Error) {
      return {
        runtime: "chromium",
        version,
        ok: false,
        ms: ms(),
        why: `cannot be launched: ${browser.message.split("\n")[0]}`,
      };
    }
    version = browser.version();
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "load", timeout: RUN_TIMEOUT_MS });
    await page
      .waitForFunction(() => (window as unknown as { __smoke?: unknown }).__smoke !== undefined, undefined, {
        timeout: 10_000,
      })
      .catch(() => {
        throw new Error(`the smoke module did not start: ${problems.join("; ") || "no error reported"}`);
      });
    const report = await page.evaluate(() => (window as unknown as { __smoke: Promise<SmokeReport> }).__smoke);
    if (report.ok) return { runtime: "chromium", version, ok: true, ms: ms() };
    return { runtime: "chromium", version, ok: false, ms: ms(), why: reasons(report) };
  } catch (error) {
    return { runtime: "chromium", version, ok: false, ms: ms(), why: (error as Error).message.split("\n")[0] };
  } finally {
    if (!(browser instanceof Error)) await browser.close().catch(() => {});
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function printTable(rows: Row[]): void {
  const columns = [
    { title: "runtime" },
    { title: "version" },
    { title: "result" },
    { title: "ms", align: "right" as const },
  ];
  console.log(
    textTable(
      columns,
      rows.map((r) => [r.runtime, r.version, r.ok ? "pass" : "FAIL", r.ms]),
    ),
  );
}

/** One row per runtime, each running the smoke suite against one Prism; `build: false` takes dist/ as it is. */
async function runRuntimes(options: { build?: boolean } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  let prism: RunningPrism | undefined;
  const stopPrism = async () => {
    await prism?.stop();
    prism = undefined;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stopPrism().finally(() => process.exit(130)));
  try {
    if (options.build !== false) await buildPackage({ quiet: true });
    prism = await startPrism();
    rows.push(await runCli("node 20", process.execPath, [CLI, prism.url]));
    for (const rt of NPM_RUNTIMES) rows.push(await runNpmRuntime(rt, prism.url));
    rows.push(await runChromium(prism.url));
  } catch (error) {
    rows.push({ runtime: "setup", version: "-", ok: false, ms: 0, why: (error as Error).message });
  } finally {
    await stopPrism();
  }
  return rows;
}

async function runNpmRuntime(rt: (typeof NPM_RUNTIMES)[number], url: string): Promise<Row> {
  let bin: string;
  try {
    bin = await ensureNpmRuntime(rt);
  } catch (error) {
    return {
      runtime: rt.name,
      version: rt.version,
      ok: false,
      ms: 0,
      why: `cannot be had: ${(error as Error).message}`,
    };
  }
  if (rt.name !== "deno") return runCli(rt.name, bin, [CLI, url]);
  const args = ["run", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", CLI, url];
  const env = childEnv(process.env, false, { DENO_DIR: join(CACHE, "deno-dir"), DENO_NO_UPDATE_CHECK: "1" });
  return runCli(rt.name, bin, args, env);
}

async function main(): Promise<number> {
  const started = performance.now();
  // --no-build: npm test runs this after its pack step built dist/
  const { values } = parseArgs({
    options: { build: { type: "boolean", default: true } },
    allowNegative: true,
    strict: true,
  });
  const rows = await runRuntimes({ build: values.build });
  console.log("");
  printTable(rows);
  const failed = rows.filter((r) => !r.ok);
  for (const r of failed) console.log(`\n✘ ${r.runtime}: ${r.why ?? "failed"}`);
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    failed.length
      ? `\ntest:runtimes FAILED on ${failed.map((r) => r.runtime).join(", ")} (${total} s)`
      : `\ntest:runtimes: ${rows.length} runtimes passed (${total} s)`,
  );
  return failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
