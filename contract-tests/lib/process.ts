// A process left running (Prism, a bench server), its output kept for the error that says why it
// stopped, and stopped on demand: SIGTERM, then SIGKILL after 5 s.
import { type ChildProcess, spawn } from "node:child_process";

export interface StartedProcess {
  child: ChildProcess;
  /** everything it printed so far, stdout and stderr interleaved */
  output: () => string;
  /** resolves when it exited (or at once if it already had); SIGTERM, then SIGKILL after 5 s */
  stop: () => Promise<void>;
  /** rejects when the process exits; for racing against a readiness probe */
  exited: Promise<never>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): StartedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) => {
    child.once("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.once("exit", (code, signal) =>
      reject(new Error(`${command} exited (${signal ?? `code ${code}`}):\n${output}`)),
    );
  });
  exited.catch(() => {});
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  return { child, output: () => output, stop, exited };
}
