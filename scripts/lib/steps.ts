// Runs the steps of a gate one after another, times each, and prints one summary table, so
// the slowest step is visible. Every step runs even after a failure: a red run shows them all.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface StepResult {
  name: string;
  ok: boolean;
  exitCode: number | null;
  ms: number;
}

export const npmRun = (script: string, ...args: string[]): Omit<Step, "name"> => ({
  command: "npm",
  args: ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])],
});

export function runStep(step: Step): Promise<StepResult> {
  const started = performance.now();
  console.log(`\n▶ ${step.name}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: "inherit",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", ...step.env },
    });
    const done = (exitCode: number | null) =>
      resolve({ name: step.name, ok: exitCode === 0, exitCode, ms: Math.round(performance.now() - started) });
    child.once("error", () => done(null));
    child.once("exit", (code) => done(code));
  });
}

export async function runSteps(steps: Step[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) results.push(await runStep(step));
  return results;
}

export function formatTimings(title: string, results: StepResult[], totalMs: number): string {
  const width = Math.max(...results.map((r) => r.name.length), 5);
  const lines = results.map(
    (r) => `  ${r.ok ? "✓" : "✘"} ${r.name.padEnd(width)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s`,
  );
  return [`${title}`, ...lines, `    ${"total".padEnd(width)}  ${(totalMs / 1000).toFixed(1).padStart(6)} s`].join("\n");
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
