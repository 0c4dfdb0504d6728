// One run of the bench, section by section. Preparation (build, the hey-api SDK, Node 24) runs
// in parallel; every measurement runs alone, one runtime after the other.
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { firstBodyExample, firstExample, operationOf, spec, successResponse } from "../contract-tests/lib/spec.ts";
import { ROOT } from "../scripts/lib/paths.ts";
import { type BenchArgs, planFor } from "./args.ts";
import { ensureBuilt } from "./build.ts";
import { coldStartScripts, measureColdStart } from "./cold-start.ts";
import { gateTimes } from "./gates.ts";
import { heyApiSdk } from "./hey-api.ts";
import { startServer } from "./loopback.ts";
import { measureOn } from "./measure.ts";
import type { WorkerInput, WorkerOutput } from "./protocol.ts";
import { type BenchResults, measuredSeries, runtimeResults } from "./results.ts";
import { benchRuntimes, type Runtime } from "./runtimes.ts";
import { measureSizes, sizeEntries } from "./size.ts";
import { basicAuth } from "./subjects.ts";
import { COMPARISONS, evaluate, TARGETS } from "./targets.ts";

const DIST = join(ROOT, "dist", "index.mjs");
const API_KEY = "bench-key";

/** createRecipient's documented request and 200 examples: what every task sends and gets. */
function exchange() {
  const op = operationOf(spec, "createRecipientInvitation");
  const input = firstBodyExample(op);
  const body = firstExample(successResponse(op));
  if (!input || !body) throw new Error("spec: createRecipientInvitation lacks a request or 200 example");
  return { input: input as { email: string }, body: JSON.stringify(body) };
}

async function measureAll(runtimes: Runtime[], input: Omit<WorkerInput, "url">, log: (line: string) => void) {
  const server = await startServer(input.body, basicAuth(input.apiKey));
  try {
    const outputs: WorkerOutput[] = [];
    for (const runtime of runtimes) {
      log(`measuring per call and over loopback on ${runtime.name}…`);
      outputs.push(await measureOn(runtime, { ...input, url: server.url }));
    }
    return outputs;
  } finally {
    await server.stop();
  }
}

export async function runBench(args: BenchArgs, log: (line: string) => void): Promise<BenchResults> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const plan = planFor(args.quick);
  log("preparing: dist/ (when stale), the @hey-api/openapi-ts SDK, Node 24…");
  const [built, heyApi, runtimes] = await Promise.all([ensureBuilt(), heyApiSdk(), benchRuntimes()]);
  log(
    `dist/ ${built ? "rebuilt" : "up to date"}; @hey-api/openapi-ts ${heyApi.version}; ${runtimes.map((r) => r.name).join(", ")}`,
  );
  const modules = { client: pathToFileURL(DIST).href, heyApi: pathToFileURL(heyApi.bundle).href };
  const outputs = await measureAll(runtimes, { plan, ...exchange(), apiKey: API_KEY, modules }, log);

  log("measuring cold start…");
  const scripts = coldStartScripts(DIST, heyApi.bundle);
  const measured = runtimes.map((rt, i) =>
    runtimeResults(rt.name, outputs[i]!, measureColdStart(rt, scripts, plan.processes)),
  );
  log("measuring size…");
  const size = await measureSizes(sizeEntries(heyApi.entry));
  if (args.gates) log("timing npm test and npm run contract…");
  const gates = args.gates ? await gateTimes(log) : undefined;
  const series = measured.map(measuredSeries);
  return {
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      date: new Date().toISOString(),
      loadAverage: [loadAtStart, loadavg()[0]!],
    },
    mode: args.quick ? "quick" : "full",
    plan,
    heyApi: { version: heyApi.version },
    runtimes: measured,
    targets: evaluate(series, TARGETS),
    comparisons: evaluate(series, COMPARISONS),
    size,
    ...(gates ? { gates } : {}),
    tookMs: Math.round(performance.now() - started),
  };
}
