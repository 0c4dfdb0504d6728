// `npm run contract`: the gate that says whether client, spec and server still agree.
// `npm run contract -- --help` lists the flags, the environment and the exit codes;
// src/gate/cli/ holds the command line, scripts/lib/contract/mock-gate.ts and src/gate/live/ the runs.
import { pathToFileURL } from "node:url";
import { processIo } from "../src/gate/cli/io.ts";
import { runCli } from "../src/gate/cli/main.ts";
import { repoDeps } from "./lib/contract/repo.ts";

async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIo(), repoDeps);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
