// `npm run bench`: what the wrapper costs over openapi-fetch and fetch, measured side by side
// in one process (and, for cold start, in fresh processes alternated with the baseline).
// Prints one table and writes bench/results.json. `--quick` for a short run, `--no-gates`
// to skip timing `npm test` and `npm run contract`.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import type { paths } from "../generated/leadconduit.ts";
import { bundledSize } from "../scripts/lib/size.ts";
import { firstExample, loadSpec, successResponse } from "../scripts/lib/spec.ts";
import { median, type Series, spreadPct, summarize } from "./stats.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
// the built package, what users get (`npm run bench` builds it first); typed from src/
const distEntry = new URL("../dist/index.mjs", import.meta.url).href;
const { createLeadConduitClient } = (await import(distEntry)) as typeof import("../src/index.ts");
const quick = process.argv.includes("--quick");
const gates = !process.argv.includes("--no-gates");
const ROUNDS = quick ? 3 : 7;

const spec = loadSpec();
const EXAMPLE = firstExample(successResponse(spec.operations[0]!));
const BODY = JSON.stringify(EXAMPLE);
const INPUT = { email: "mike.jones@example.com" };
const BASE = "https://app.leadconduit.com";
const KEY = "bench-key";
const AUTH = `Basic ${Buffer.from(`API:${KEY}`).toString("base64")}`;

// ---------------------------------------------------------------- 1. per-call overhead
async function perCall() {
  const stubFetch = async (_input: RequestInfo | URL, _init?: RequestInit) =>
    new Response(BODY, { status: 200, headers: { "content-type": "application/json" } });
  const bare = createClient<paths>({ baseUrl: BASE, fetch: stubFetch });
  const client = (validateRequests: boolean, validateResponses: boolean) =>
    createLeadConduitClient({ apiKey: KEY, baseUrl: BASE, fetch: stubFetch, validateRequests, validateResponses });
  // what a user would hand-roll on openapi-fetch for the same auth and per-attempt timeout
  const handRolled = createClient<paths>({ baseUrl: BASE, fetch: stubFetch });
  handRolled.use({
    onRequest({ request }) {
      request.headers.set("Authorization", AUTH);
      return request;
    },
  });
  const off = client(false, false);
  const req = client(true, false);
  const both = client(true, true);
  const tasks: [string, () => Promise<unknown>][] = [
    [
      "(a) fetch + JSON.parse",
      async () => {
        const res = await stubFetch(`${BASE}/invitations/recipient`, {
          method: "POST",
          headers: { authorization: AUTH, "content-type": "application/json" },
          body: JSON.stringify(INPUT),
        });
        return JSON.parse(await res.text());
      },
    ],
    ["(b) openapi-fetch POST", () => bare.POST("/invitations/recipient", { body: INPUT })],
    [
      "(b2) openapi-fetch + auth middleware + timeout",
      () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 30_000);
        return handRolled
          .POST("/invitations/recipient", {
            body: INPUT,
            fetch: (request: Request) => stubFetch(request, { signal: controller.signal }),
          })
          .finally(() => clearTimeout(timer));
      },
    ],
    ["(c) client, no validation", () => off.invitations.createRecipient(INPUT)],
    ["(d) client, request validation", () => req.invitations.createRecipient(INPUT)],
    ["(e) client, request + response validation", () => both.invitations.createRecipient(INPUT)],
  ];
  const series: Series[] = tasks.map(([name]) => ({ name, values: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: quick ? 150 : 300, warmupTime: 50, warmupIterations: 50 });
    // rotate the order each round so no task always runs first (or last) on a warm JIT
    const order = tasks.map((_, i) => (i + round) % tasks.length);
    for (const i of order) bench.add(tasks[i]![0], tasks[i]![1]);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result as { latency: { mean: number } };
      series.find((s) => s.name === task.name)!.values.push(1000 / result.latency.mean);
    }
  }
  return { vsOpenapiFetch: summarize(series, "(b) openapi-fetch POST"), vsHandRolled: summarize(series, "(b2) openapi-fetch + auth middleware + timeout") };
}

// ---------------------------------------------------------------- 2. over loopback
async function loopback() {
  const server = spawn(process.execPath, [`${root}bench/server.mjs`, BODY], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    server.once("exit", () => reject(new Error("bench server exited")));
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const bare = createClient<paths>({ baseUrl: url });
    const lc = createLeadConduitClient({ apiKey: KEY, baseUrl: url });
    const tasks: [string, () => Promise<unknown>][] = [
      [
        "raw fetch",
        async () => {
          const res = await fetch(`${url}/invitations/recipient`, {
            method: "POST",
            headers: { authorization: AUTH, "content-type": "application/json" },
            body: JSON.stringify(INPUT),
          });
          return res.json();
        },
      ],
      ["openapi-fetch", () => bare.POST("/invitations/recipient", { body: INPUT, headers: { authorization: AUTH } })],
      ["leadconduit-client", () => lc.invitations.createRecipient(INPUT)],
    ];
    const results: Record<string, ReturnType<typeof summarize>> = {};
    for (const concurrency of [1, 32]) {
      const perTask = quick ? 600 : 2_000;
      const series: Series[] = tasks.map(([name]) => ({ name, values: [] }));
      for (const [, fn] of tasks) await runMany(fn, 200, concurrency); // warm up sockets and JIT
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < tasks.length; k++) {
          const [name, fn] = tasks[(k + round) % tasks.length]!;
          const started = performance.now();
          await runMany(fn, perTask, concurrency);
          series.find((s) => s.name === name)!.values.push(perTask / ((performance.now() - started) / 1000));
        }
      }
      results[concurrency === 1 ? "sequential" : `${concurrency} concurrent`] = summarize(series, "raw fetch");
    }
    return results;
  } finally {
    server.kill("SIGTERM");
  }
}

async function runMany(fn: () => Promise<unknown>, total: number, concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      await fn();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

// ---------------------------------------------------------------- 3. cold start
function coldStart() {
  const PROCESSES = quick ? 5 : 10;
  const scripts = {
    "leadconduit-client": `const t=performance.now();const m=await import(${JSON.stringify(`${root}dist/index.mjs`)});m.createLeadConduitClient({apiKey:"k"});process.stdout.write(String(performance.now()-t));`,
    "openapi-fetch alone": `const t=performance.now();const m=await import("openapi-fetch");m.default({baseUrl:"https://app.leadconduit.com"});process.stdout.write(String(performance.now()-t));`,
  };
  const wall: Record<string, number[]> = {};
  const importMs: Record<string, number[]> = {};
  for (let i = 0; i < PROCESSES; i++) {
    // alternate, so drift in machine load hits both alike
    for (const [name, script] of Object.entries(scripts)) {
      const started = performance.now();
      const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
      const elapsed = performance.now() - started;
      if (out.status !== 0) throw new Error(`cold start ${name} failed: ${out.stderr}`);
      (wall[name] ??= []).push(elapsed);
      (importMs[name] ??= []).push(Number(out.stdout));
    }
  }
  const base = "openapi-fetch alone";
  return Object.keys(scripts).map((name) => ({
    name,
    processMs: median(wall[name]!),
    processSpreadPct: spreadPct(wall[name]!),
    importMs: median(importMs[name]!),
    ratio: median(wall[name]!) / median(wall[base]!),
    importRatio: median(importMs[name]!) / median(importMs[base]!),
  }));
}

// ---------------------------------------------------------------- 4. size
async function size() {
  return {
    "leadconduit-client (dist/index.mjs)": await bundledSize(`${root}dist/index.mjs`),
    "leadconduit-client without validators": await bundledSize(`${root}src/index.ts`, { stubValidators: true }),
    "leadconduit-client/testing (dist/testing.mjs)": await bundledSize(`${root}dist/testing.mjs`),
    "openapi-fetch alone": await bundledSize(`${root}node_modules/openapi-fetch/dist/index.mjs`),
  };
}

// ---------------------------------------------------------------- 5. gate time
function gateTimes() {
  const out: Record<string, { steps: { name: string; ms: number; ok: boolean }[]; totalMs: number }> = {};
  for (const [name, args, report] of [
    ["npm test", ["test"], "reports/timings-test.json"],
    ["npm run contract", ["run", "contract"], "reports/contract-mock.json"],
  ] as const) {
    const started = performance.now();
    const run = spawnSync("npm", [...args], { cwd: root, stdio: "ignore", env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
    const totalMs = performance.now() - started;
    const json = JSON.parse(readFileSync(`${root}${report}`, "utf8")) as { steps: { name: string; ms: number; ok: boolean }[] };
    out[name] = { steps: json.steps, totalMs: Math.round(totalMs) };
    if (run.status !== 0) console.error(`warning: ${name} exited ${run.status}`);
  }
  return out;
}

// ---------------------------------------------------------------- report
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (n: number) => `±${(n / 2).toFixed(1)}%`;
const started = performance.now();
const results = {
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    rounds: ROUNDS,
  },
  perCall: await perCall(),
  loopback: await loopback(),
  coldStart: coldStart(),
  size: await size(),
  gates: gates ? gateTimes() : undefined,
};
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);

const lines: string[] = [];
const m = results.machine;
lines.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; median of ${m.rounds} rounds, spread = half the range`);
lines.push("", "1. Per-call overhead, stub fetch (ops/s; ratio to (b) and to (b2), higher is better)");
results.perCall.vsOpenapiFetch.forEach((r, i) =>
  lines.push(
    `   ${r.name.padEnd(46)} ${fmt(r.median).padStart(9)} ${pct(r.spreadPct).padStart(7)}  ${r.ratio.toFixed(3)}×  ${results.perCall.vsHandRolled[i]!.ratio.toFixed(3)}×`,
  ),
);
for (const [mode, rows] of Object.entries(results.loopback)) {
  lines.push("", `2. Loopback keep-alive, ${mode} (requests/s; ratio to raw fetch)`);
  for (const r of rows) lines.push(`   ${r.name.padEnd(46)} ${fmt(r.median).padStart(9)} ${pct(r.spreadPct).padStart(7)}  ${r.ratio.toFixed(3)}×`);
}
lines.push("", "3. Cold start, median of fresh processes (process wall ms; import+create ms; ratio)");
for (const r of results.coldStart) {
  lines.push(`   ${r.name.padEnd(46)} ${r.processMs.toFixed(1).padStart(7)} ms ${pct(r.processSpreadPct).padStart(7)}  import ${r.importMs.toFixed(1)} ms  ${r.ratio.toFixed(3)}× (import ${r.importRatio.toFixed(2)}×)`);
}
lines.push("", "4. Size, everything bundled, esbuild --minify (bytes)");
for (const [name, s] of Object.entries(results.size)) lines.push(`   ${name.padEnd(46)} ${fmt(s.minified).padStart(9)} min  ${fmt(s.gzip).padStart(7)} min+gzip`);
if (results.gates) {
  lines.push("", "5. Gate time (wall s per step)");
  for (const [name, g] of Object.entries(results.gates)) {
    lines.push(`   ${name}: ${(g.totalMs / 1000).toFixed(1)} s`);
    for (const s of g.steps) lines.push(`     ${s.ok ? " " : "✘"} ${s.name.padEnd(42)} ${(s.ms / 1000).toFixed(1).padStart(6)} s`);
  }
}
lines.push("", `bench took ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results.json`);
console.log(lines.join("\n"));
