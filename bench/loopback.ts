// Section 2, over loopback: each task makes calls for `loopbackMs` per round at each
// concurrency against one keep-alive node:http server in its own process (bench/server.mjs),
// the order rotated each round. The server is started by the orchestrator and shared by every
// runtime, so only the client side changes between Node versions.
import { fileURLToPath } from "node:url";
import { startProcess } from "../contract-tests/lib/process.ts";
import { loopbackMode, type Plan } from "./args.ts";
import { rotation, type Series } from "./stats.ts";
import type { Task } from "./subjects.ts";

const SERVER = fileURLToPath(new URL("server.mjs", import.meta.url));
const START_TIMEOUT_MS = 10_000;

interface LoopbackServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts bench/server.mjs answering `body` to requests that carry `authorization`; resolves once it listens. */
export async function startServer(body: string, authorization: string): Promise<LoopbackServer> {
  const server = startProcess(process.execPath, [SERVER, body, authorization]);
  // the server prints its port, and nothing else, once it listens
  const port = new Promise<number>((resolve) =>
    server.child.stdout!.once("data", (chunk) => resolve(Number(String(chunk).trim()))),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`bench server did not print its port within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    return { url: `http://127.0.0.1:${await Promise.race([port, server.exited, late])}`, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Calls `fn`, `concurrency` at a time, until `ms` have passed; how many calls completed in how long. */
async function runFor(
  fn: () => Promise<unknown>,
  ms: number,
  concurrency: number,
): Promise<{ calls: number; seconds: number }> {
  const started = performance.now();
  const deadline = started + ms;
  let calls = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await fn();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { calls, seconds: (performance.now() - started) / 1000 };
}

export async function measureLoopback(tasks: Task[], plan: Plan): Promise<Record<string, Series[]>> {
  const results: Record<string, Series[]> = {};
  for (const concurrency of plan.concurrency) {
    const series: Series[] = tasks.map(({ name }) => ({ name, values: [] }));
    for (const task of tasks) await runFor(task.run, plan.loopbackWarmupMs, concurrency); // sockets and JIT
    for (let round = 0; round < plan.rounds; round++) {
      for (const i of rotation(tasks.length, round)) {
        const { calls, seconds } = await runFor(tasks[i]!.run, plan.loopbackMs, concurrency);
        series[i]!.values.push(calls / seconds);
      }
    }
    results[loopbackMode(concurrency)] = series;
  }
  return results;
}
