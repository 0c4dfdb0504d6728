// Runs a command to completion for the package checks, its output kept; anything but exit 0
// throws with the end of the output, so a failed step says why. Colour off, CI on: the output is
// read, not watched.
import { spawn } from "node:child_process";
import { childEnv } from "../../../src/gate/terminal.ts";

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** exit codes that are not an error (default: 0 only) */
  ok?: readonly number[];
}

export const QUIET_ENV = childEnv(process.env, false, { CI: "true" });

export function run(command: string, args: string[], options: RunOptions): Promise<Ran> {
  const { cwd, env = QUIET_ENV, timeoutMs = 120_000, ok = [0] } = options;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} could not start: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const ran = { code, stdout, stderr, ms: Math.round(performance.now() - started) };
      if (code !== null && ok.includes(code)) return resolve(ran);
      const why = signal === "SIGKILL" ? `killed after ${timeoutMs} ms` : `exited ${code ?? signal}`;
      reject(new Error(`${command} ${args.join(" ")} ${why} in ${cwd}\n${tailOf(ran)}`));
    });
  });
}

/** The last lines of a command's output, for a failure message. */
function tailOf(ran: Pick<Ran, "stdout" | "stderr">, lines = 30): string {
  return `${ran.stdout}\n${ran.stderr}`.trim().split("\n").slice(-lines).join("\n");
}
