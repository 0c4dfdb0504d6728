// The repository's side of the command line: the mock run, and the spec read from
// spec/leadconduit.yaml with line numbers for annotations.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, UsageError } from "../../../src/gate/cli/args.ts";
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

/** The --operation values, when the spec has every one; a UsageError naming the ones it has else. */
async function chosenOperations(ids: string[]): Promise<string[]> {
  const { spec } = await import("../../../contract-tests/lib/spec.ts");
  const known = spec.operations.map((o) => o.operationId);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length)
    throw new UsageError(
      `--operation ${unknown.map((id) => JSON.stringify(id)).join(", ")}: not in the spec, whose operations are ${known.join(", ")}`,
    );
  return ids;
}

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
  const operations = command.operations && (await chosenOperations(command.operations));
  const { report, broken } = await runMockGate(
    { reportDir, ...(operations ? { operations } : {}) },
    { colour: io.colour, log: io.log, env: io.env },
    deps,
  );
  io.log(`\n${formatReport(report, io.colour)}`);
  const files = publishReport(report, { reportDir, env: io.env, log: io.log });
  io.log(`\nReports: ${files.json}, ${files.junit}`);
  const count = (status: string) => report.cases.filter((c) => c.status === status).length;
  // the last line says the verdict: tests can all pass while a step (lint, drift) failed
  const failedSteps = report.steps.filter((s) => !s.ok && !s.unchecked).map((s) => s.name);
  const verdict = report.unchecked
    ? "COULD NOT BE CHECKED"
    : report.ok
      ? "holds"
      : `BROKEN${failedSteps.length ? ` (${failedSteps.join(", ")})` : ""}`;
  const unchecked = count("unchecked") ? `, ${count("unchecked")} could not be checked` : "";
  io.log(`\ncontract ${verdict}: ${count("passed")} tests passed, ${count("failed")} failed${unchecked}`);
  if (broken) {
    io.error(`contract: could not check (exit 3, not a verdict on the contract): ${broken}`);
    return EXIT.unchecked;
  }
  return report.ok ? EXIT.ok : EXIT.broken;
}
