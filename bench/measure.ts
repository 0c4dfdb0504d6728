// Runs bench/worker.ts under one Node binary and returns what it measured.
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { run, tail } from "../scripts/lib/run.ts";
import { parseWorkerOutput, type WorkerInput, type WorkerOutput } from "./protocol.ts";
import type { Runtime } from "./runtimes.ts";

const WORKER = join(ROOT, "bench", "worker.ts");
const TIMEOUT_MS = 10 * 60_000;

export async function measureOn(runtime: Runtime, input: WorkerInput): Promise<WorkerOutput> {
  // tsx only loads the worker's TypeScript; the measured modules are .mjs files it leaves as they are
  const result = await run(runtime.bin, ["--import", "tsx", WORKER, JSON.stringify(input)], {
    cwd: ROOT,
    timeoutMs: TIMEOUT_MS,
  });
  if (result.code !== 0)
    throw new Error(`bench worker on ${runtime.name} failed (exit ${result.code}):\n${tail(result, 20)}`);
  try {
    return parseWorkerOutput(result.stdout);
  } catch (error) {
    throw new Error(`bench worker on ${runtime.name}: ${(error as Error).message}\n${tail(result, 20)}`);
  }
}
