// Runs a command to completion with a time limit and collects its output. Used by
// scripts/check-package.ts and scripts/test-runtimes.ts.
import { spawn, type SpawnOptions } from "node:child_process";

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean } = {},
): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 120_000, echo = false } = options;
  const started = performance.now();
  return new Promise((resolve) => {
    const spawnOptions: SpawnOptions = { cwd, env, stdio: ["ignore", "pipe", "pipe"] };
    const child = spawn(command, args, spawnOptions);
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    const done = (code: number | null, signal: NodeJS.Signals | null, extra = "") => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr: stderr + extra, ms: Math.round(performance.now() - started), timedOut });
    };
    child.once("error", (error) => done(null, null, `\n${command}: ${error.message}`));
    child.once("close", (code, signal) => done(code, signal));
  });
}

/** The last lines of a command's output, for a failure message. */
export function tail(result: RunResult, lines = 30): string {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  const out = text.split("\n").slice(-lines).join("\n");
  return result.timedOut ? `${out}\n(timed out after ${result.ms} ms)` : out;
}
