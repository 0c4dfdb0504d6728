// Section 1, per call: every task in each round under tinybench, the order rotated each round
// so that no task always runs first (or last) on a warm JIT. Runs inside bench/worker.ts.
import { Bench } from "tinybench";
import type { Plan } from "./args.ts";
import { rotation, type Series } from "./stats.ts";
import type { Task } from "./subjects.ts";

export async function measurePerCall(tasks: Task[], plan: Plan): Promise<Series[]> {
  const series: Series[] = tasks.map(({ name }) => ({ name, values: [] }));
  for (let round = 0; round < plan.rounds; round++) {
    const bench = new Bench({ time: plan.perCallMs, warmupTime: plan.perCallWarmupMs, warmupIterations: 50 });
    for (const i of rotation(tasks.length, round)) bench.add(tasks[i]!.name, tasks[i]!.run);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result as { state?: string; error?: unknown; latency?: { mean: number } };
      if (!result.latency) throw new Error(`per-call task ${task.name} failed: ${String(result.error)}`);
      series.find((s) => s.name === task.name)!.values.push(1000 / result.latency.mean);
    }
  }
  return series;
}
