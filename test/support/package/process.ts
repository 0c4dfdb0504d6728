// How the package checks run a command: to completion, output kept, anything but an allowed exit
// code an error with the end of the output (scripts/lib/run.ts `runOrThrow`). Colour off, CI
// on: the output is read, not watched.
import { type RunResult, runOrThrow } from "../../../scripts/lib/run.ts";
import { childEnv } from "../../../src/gate/terminal.ts";

export type Ran = RunResult;

export const QUIET_ENV = childEnv(process.env, false, { CI: "true" });

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; ok?: readonly number[] },
): Promise<Ran> {
  return runOrThrow(command, args, { ...options, env: options.env ?? QUIET_ENV });
}
