// The repository's side of the command line: the mock run, and the spec read from
// spec/leadconduit.yaml with line numbers for annotations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "../../../src/gate/cli/args.ts";
import { EXIT } from "../../../src/gate/cli/exit.ts";
import type { CliIo } from "../../../src/gate/cli/io.ts";
import type { CliDeps } from "../../../src/gate/cli/main.ts";
import { PATHS } from "../paths.ts";
import type { MockGateDeps } from "./mock-gate.ts";

export const repoDeps: CliDeps = {
  program: "repo",
  name: "contract",
  version: () => (JSON.parse(readFileSync(PATHS.packageJson, "utf8")) as { version: string }).version,
  loadSpec: async () => {
    // loaded on demand: --help and refusals need neither YAML nor Ajv
    const [{ spec }, { yamlLocator }] = await Promise.all([
      import("../../../contract-tests/lib/spec.ts"),
      import("../spec-locate.ts"),
    ]);
    return { spec, file: PATHS.specRelative, locate: yamlLocator(PATHS.spec, PATHS.specRelative) };
  },
  runMock: (command, io) => runMock(command, io),
};

export async function runMock(
  command: Extract<Command, { kind: "mock" }>,
  io: CliIo,
  deps?: MockGateDeps,
): Promise<number> {
  const [{ runMockGate }, { publishReport }, { formatReport }] = await Promise.all([
    import("./mock-gate.ts"),
    import("../../../src/gate/report/publish.ts"),
    import("../../../src/gate/report/text.ts"),
  ]);
  const reportDir = resolve(io.cwd, command.reportDir ?? "reports");
  const { report, broken } = await runMockGate({ reportDir }, { colour: io.colour, log: io.log, env: io.env }, deps);
  io.log(`\n${formatReport(report, io.colour)}`);
  const files = publishReport(report, { reportDir, env: io.env, log: io.log });
  io.log(`\nReports: ${files.json}, ${files.junit}`);
  const failed = report.cases.filter((c) => c.status === "failed").length;
  const passed = report.cases.filter((c) => c.status === "passed").length;
  // the last line says the verdict: tests can all pass while a step (lint, drift) failed
  const failedSteps = report.steps.filter((s) => !s.ok).map((s) => s.name);
  const verdict = report.ok ? "holds" : `BROKEN${failedSteps.length ? ` (${failedSteps.join(", ")})` : ""}`;
  io.log(`\ncontract ${verdict}: ${passed} tests passed, ${failed} failed`);
  if (broken) {
    io.error(`contract: the gate itself failed (exit 3: a crash, not a verdict on the contract): ${broken}`);
    return EXIT.crashed;
  }
  return report.ok ? EXIT.ok : EXIT.broken;
}
