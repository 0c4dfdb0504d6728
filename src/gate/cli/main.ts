// The gate's command line from argv to exit code. Usage problems and refusals exit 2 with one
// line; anything else that escapes is the gate failing, not a verdict: exit 3 with the stack
// (the key taken out of it), never disguised as a refusal.
import { secretsOf } from "../../client/auth.ts";
import { redactText } from "../../client/redact.ts";
import { appendSummary } from "../report/publish.ts";
import { type Command, type Program, parseCommand, UsageError, usage } from "./args.ts";
import { EXIT } from "./exit.ts";
import type { CliIo } from "./io.ts";
import type { LiveSpec } from "./live.ts";

export interface CliDeps {
  program: Program;
  /** the name in messages: "contract" or "leadconduit-contract" */
  name: string;
  version: () => string;
  /** the spec a live run checks against, loaded only once a live run starts */
  loadSpec: () => Promise<LiveSpec>;
  /** the mock gate; the bin has none */
  runMock?: (command: Extract<Command, { kind: "mock" }>, io: CliIo) => Promise<number>;
}

export async function runCli(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  try {
    const command = parseCommand(argv, deps.program);
    if (command.kind === "mock" && io.env.LEADCONDUIT_BASE_URL) {
      io.error(`${deps.name}: LEADCONDUIT_BASE_URL is ignored; a live run starts only with --target <url>`);
    }
    switch (command.kind) {
      case "help":
        io.log(usage(deps.program));
        return EXIT.ok;
      case "version":
        io.log(deps.version());
        return EXIT.ok;
      case "live": {
        // imported here so that --help and refusals load neither Ajv nor the gate
        const { runLive } = await import("./live.ts");
        return await runLive(command, io, deps.loadSpec);
      }
      case "mock":
        if (!deps.runMock) throw new UsageError("the mock run needs the repository: npm run contract");
        return await deps.runMock(command, io);
    }
  } catch (error) {
    return failed(error, io, deps.name);
  }
}

function failed(error: unknown, io: CliIo, name: string): number {
  const key = io.env.LEADCONDUIT_API_KEY?.trim();
  const clean = (text: string) => (key ? redactText(text, secretsOf(key)) : text);
  if (error instanceof UsageError) {
    io.error(clean(`${name}: ${error.message}`));
    return EXIT.refused;
  }
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.error(clean(`${name}: the gate itself failed (exit 3: a crash, not a verdict on the contract)\n${text}`));
  // a CI job's summary says so too: the report that would have said it was never written
  const first = text.split("\n")[0]!.replaceAll("`", "'");
  try {
    appendSummary(
      io.env,
      clean(
        `## ⚠️ Contract gate: COULD NOT CHECK\n\n> **Exit 3**: the gate itself failed, which is not a verdict on the contract: \`${first}\` (the stack is in the log).\n`,
      ),
    );
  } catch (summaryError) {
    io.error(clean(`${name}: could not write the step summary either: ${String(summaryError)}`));
  }
  return EXIT.unchecked;
}
