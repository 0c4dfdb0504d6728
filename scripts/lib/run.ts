// The one place scripts run processes: `run` (to completion, output collected; `runOrThrow`
// when anything but an allowed exit code is an error; a server left running is
// contract-tests/lib/process.ts) and the gate's step runner (`runSteps`: the steps at once, each
// step's output printed as one block when it ends, every step run even after a failure so a red
// run shows them all). A step is a command or an in-process task.
import { spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { childEnv } from "../../src/gate/terminal.ts";

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
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean; input?: string } = {},
): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 120_000, echo = false, input } = options;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
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
    if (input !== undefined) child.stdin!.end(input);
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

/**
 * `run`, where an exit code outside `ok` (default: 0 only), a command that cannot start or one
 * killed at its timeout throws, naming the command, its folder and the end of its output.
 */
export async function runOrThrow(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2] & { ok?: readonly number[] } = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== null && (options.ok ?? [0]).includes(result.code)) return result;
  const why = result.timedOut
    ? `killed after ${result.ms} ms`
    : result.code === null && result.signal === null
      ? "could not start"
      : `exited ${result.code ?? result.signal}`;
  throw new Error(`${command} ${args.join(" ")} ${why} in ${options.cwd ?? process.cwd()}\n${tail(result)}`);
}

/** The last lines of a command's output, for a failure message. */
export function tail(result: RunResult, lines = 30): string {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  const out = text.split("\n").slice(-lines).join("\n");
  return result.timedOut ? `${out}\n(timed out after ${result.ms} ms)` : out;
}

// ------------------------------------------------------------------ steps

interface StepOutcome {
  ok: boolean;
  /** one line for the step's result row; further lines are printed under it */
  note?: string;
  /** the step could not do its job at all (a crash, not a verdict): the gate exits 3 */
  broken?: boolean;
}

/** Rewrites or drops (null) one line of a command's output. */
export type LineFilter = (line: string) => string | null;

export type Step = { name: string } & (
  | {
      command: string;
      args: string[];
      env?: Record<string, string>;
      filter?: LineFilter;
      /**
       * Asked once, when the command has ended: a reason to run it once more (what the first run
       * met was not a verdict, e.g. a target that crashed under it), or nothing. The second run's
       * outcome is the step's.
       */
      again?: () => string | undefined;
    }
  | { task: () => Promise<StepOutcome> }
);

export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  exitCode?: number | null;
  note?: string;
  broken?: boolean;
}

export interface StepIo {
  colour: boolean;
  /** one line of the gate's own output */
  log: (line: string) => void;
  /** one line a step's command wrote to stderr; console.error when not given */
  error?: (line: string) => void;
  /** commands' output goes through `log`/`error` (held back, or filtered) instead of straight to the terminal */
  capture?: boolean;
  env?: NodeJS.ProcessEnv;
}

export const npmRun = (script: string, ...args: string[]): { command: string; args: string[] } => ({
  command: "npm",
  args: ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])],
});

/**
 * Runs the steps at the same time. Each step's output (its header included) is held back and
 * printed as one block when the step ends, so the log reads as if they ran in turn. The results
 * come back in the order the steps were given.
 */
export async function runSteps(steps: Step[], io: StepIo): Promise<StepResult[]> {
  return Promise.all(
    steps.map(async (step) => {
      const lines: string[] = [];
      const held: StepIo = { ...io, capture: true, log: (line) => lines.push(line), error: (line) => lines.push(line) };
      const result = await runStep(step, held);
      for (const line of lines) io.log(line);
      return result;
    }),
  );
}

async function runStep(step: Step, io: StepIo): Promise<StepResult> {
  const started = performance.now();
  io.log(`\n▶ ${step.name}`);
  const outcome = "task" in step ? await runTask(step.task) : await runCommandOnceMore(step, io);
  const ms = Math.round(performance.now() - started);
  if (outcome.note) {
    const [first, ...rest] = outcome.note.split("\n");
    io.log(`${outcome.ok ? "✓" : "✘"} ${first}`);
    for (const line of rest) io.log(line.trim() === "" ? "" : `    ${line}`);
  }
  return {
    name: step.name,
    ok: outcome.ok,
    ms,
    ...("exitCode" in outcome ? { exitCode: outcome.exitCode as number | null } : {}),
    ...(outcome.note ? { note: outcome.note.split("\n")[0] } : {}),
    ...(outcome.broken ? { broken: true } : {}),
  };
}

async function runTask(task: () => Promise<StepOutcome>): Promise<StepOutcome> {
  try {
    return await task();
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { ok: false, broken: true, note: text };
  }
}

async function runCommandOnceMore(step: Extract<Step, { command: string }>, io: StepIo) {
  const first = await runCommand(step, io);
  const reason = first.broken ? undefined : step.again?.();
  if (reason === undefined) return first;
  io.log(`↻ ${reason}`);
  const second = await runCommand(step, io);
  return { ...second, note: second.note ?? `ran twice: ${reason.split("\n")[0]}` };
}

function runCommand(
  step: { command: string; args: string[]; env?: Record<string, string>; filter?: LineFilter },
  io: StepIo,
): Promise<StepOutcome & { exitCode: number | null }> {
  const env = childEnv(io.env ?? process.env, io.colour, { REDOCLY_TELEMETRY: "off", ...step.env });
  const piped = step.filter !== undefined || io.capture === true;
  const filter: LineFilter = step.filter ?? ((line) => line);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: ["ignore", piped ? "pipe" : "inherit", piped ? "pipe" : "inherit"],
      env,
    });
    const streams = piped
      ? [
          forwardLines(child.stdout!, filter, io.log),
          forwardLines(child.stderr!, filter, io.error ?? ((l) => console.error(l))),
        ]
      : [];
    let failure: string | undefined;
    child.once("error", (error) => (failure = `${step.command} could not start: ${error.message}`));
    child.once("close", async (code) => {
      await Promise.all(streams);
      if (failure !== undefined) return resolve({ ok: false, broken: true, exitCode: null, note: failure });
      resolve({ ok: code === 0, exitCode: code });
    });
  });
}

/** Passes a stream on line by line through a filter; resolves when the stream ends. */
function forwardLines(stream: Readable, filter: LineFilter, write: (line: string) => void): Promise<void> {
  let pending = "";
  const emit = (line: string) => {
    const kept = filter(line);
    if (kept !== null) write(kept);
  };
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) emit(line.replace(/\r$/, ""));
  });
  return new Promise((resolve) =>
    stream.once("close", () => {
      if (pending !== "") emit(pending);
      resolve();
    }),
  );
}
