// A CliIo that records what a command printed, for in-process command-line tests.
import type { CliIo } from "../../src/gate/cli/io.ts";

export interface Captured extends CliIo {
  out: string[];
  err: string[];
  text: () => string;
}

export function captureIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    env,
    colour: false,
    cwd,
    text: () => [...out, ...err].join("\n"),
  };
}
