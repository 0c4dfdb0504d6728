// What a command writes to and reads from, so tests can run a command in-process and see
// exactly what a user would.
import { processColour } from "../terminal.ts";

export interface CliIo {
  log: (line: string) => void;
  error: (line: string) => void;
  env: Record<string, string | undefined>;
  colour: boolean;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    env: process.env,
    colour: processColour(),
    cwd: process.cwd(),
  };
}
