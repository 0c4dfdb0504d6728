// Section 5, gate time (full runs only): wall time of `npm test` and `npm run contract`, with
// the time of each step as their own reports (reports/*.json) record it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { run } from "../scripts/lib/run.ts";

// a hung gate fails the bench instead of hanging it
const GATE_TIMEOUT_MS = 15 * 60_000;

interface GateStep {
  name: string;
  ms: number;
  ok: boolean;
}

export interface GateTime {
  name: string;
  totalMs: number;
  exitCode: number | null;
  steps: GateStep[];
}

const GATES = [
  { name: "npm test", args: ["test"], report: "reports/timings-test.json" },
  { name: "npm run contract", args: ["run", "contract"], report: "reports/contract-mock.json" },
] as const;

/** The steps of `report`, which the gate must have written after `since` (else it is an old one). */
function readSteps(report: string, since: number): GateStep[] {
  const path = join(ROOT, report);
  if (!existsSync(path) || statSync(path).mtimeMs < since) throw new Error(`the gate did not write ${report}`);
  return (JSON.parse(readFileSync(path, "utf8")) as { steps: GateStep[] }).steps;
}

export async function gateTimes(): Promise<GateTime[]> {
  const times: GateTime[] = [];
  for (const { name, args, report } of GATES) {
    const since = Date.now();
    const ran = await run("npm", [...args], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      timeoutMs: GATE_TIMEOUT_MS,
    });
    if (ran.timedOut) throw new Error(`${name} did not finish within ${GATE_TIMEOUT_MS / 60_000} min`);
    if (ran.code !== 0) console.error(`warning: ${name} exited ${ran.code}; its time is shown all the same`);
    times.push({ name, totalMs: ran.ms, exitCode: ran.code, steps: readSteps(report, since) });
  }
  return times;
}
