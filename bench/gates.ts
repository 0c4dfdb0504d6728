// Section 5, gate time (full runs only): wall time of `npm test` and `npm run contract`, with
// the time of each step as their own reports (reports/*.json) record it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";

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

export function gateTimes(): GateTime[] {
  return GATES.map(({ name, args, report }) => {
    const since = Date.now();
    const started = performance.now();
    const run = spawnSync("npm", [...args], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    });
    const totalMs = Math.round(performance.now() - started);
    if (run.status !== 0) console.error(`warning: ${name} exited ${run.status}; its time is shown all the same`);
    return { name, totalMs, exitCode: run.status, steps: readSteps(report, since) };
  });
}
