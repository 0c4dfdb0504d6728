// Section 5, gate time (full runs only): the wall time of `npm test` and `npm run contract`, each
// run three times one after the other, the median reported with every run's time and the load
// average before and after it (the machine's other work shows there, not in a ratio).
import { loadavg } from "node:os";
import { ROOT } from "../scripts/lib/paths.ts";
import { run } from "../scripts/lib/run.ts";
import { median } from "./stats.ts";

// a hung gate fails the bench instead of hanging it
const GATE_TIMEOUT_MS = 15 * 60_000;
const GATE_RUNS = 3;

interface GateRun {
  ms: number;
  exitCode: number | null;
  /** the 1-minute load average before and after the run */
  loadAverage: [number, number];
}

export interface GateTime {
  name: string;
  /** the median of the runs */
  totalMs: number;
  runs: GateRun[];
}

const GATES = [
  { name: "npm test", args: ["test"] },
  { name: "npm run contract", args: ["run", "contract"] },
] as const;

export async function gateTimes(log: (line: string) => void): Promise<GateTime[]> {
  const times: GateTime[] = [];
  for (const { name, args } of GATES) {
    const runs: GateRun[] = [];
    for (let i = 1; i <= GATE_RUNS; i++) {
      const before = loadavg()[0]!;
      const ran = await run("npm", [...args], {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: "off" },
        timeoutMs: GATE_TIMEOUT_MS,
      });
      if (ran.timedOut) throw new Error(`${name} did not finish within ${GATE_TIMEOUT_MS / 60_000} min`);
      if (ran.code !== 0) log(`warning: ${name} exited ${ran.code}; its time is shown all the same`);
      runs.push({ ms: ran.ms, exitCode: ran.code, loadAverage: [before, loadavg()[0]!] });
      log(`${name} run ${i}/${GATE_RUNS}: ${(ran.ms / 1000).toFixed(1)} s`);
    }
    times.push({ name, totalMs: median(runs.map((r) => r.ms)), runs });
  }
  return times;
}
