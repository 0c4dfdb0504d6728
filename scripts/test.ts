// `npm test`: everything, one step after another, with the time each step took; in GitHub
// Actions also a step summary. The contract tests run in-process through the mock gate, so
// their step is announced once and their coverage lands in the same summary.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SpecDiffOutcome } from "./spec-diff.ts";
import { checkSteps, runMockGate, specDiffStep } from "./lib/mock-gate.ts";
import { PATHS } from "./lib/paths.ts";
import { stepsMarkdown, stepSummary } from "./lib/report/github.ts";
import { appendSummary, publishReport } from "./lib/report/publish.ts";
import { formatReport, formatSteps } from "./lib/report/text.ts";
import { npmRun, runSteps, type Step, type StepIo, type StepResult } from "./lib/run.ts";
import { processColour } from "./lib/terminal.ts";
import { runSpecDiff, specDiffSection } from "./spec-diff.ts";
import { lintWorkflowsStep } from "./lint-workflows.ts";

export interface TestRun {
  ok: boolean;
  steps: StepResult[];
  totalMs: number;
}

export async function runAll(io: StepIo & { env: Record<string, string | undefined> }): Promise<TestRun> {
  const started = performance.now();
  let diff: SpecDiffOutcome | undefined;
  const before: Step[] = [
    ...checkSteps(),
    specDiffStep({ specDiff: () => runSpecDiff() }, (outcome) => (diff = outcome)),
    { name: "typecheck", ...npmRun("typecheck") },
    lintWorkflowsStep(),
    { name: "client tests", ...npmRun("test:client") },
    { name: "tooling tests", ...npmRun("test:tooling") },
  ];
  const steps = await runSteps(before, io);
  const contract = await runMockGate({ reportDir: PATHS.reports, testsOnly: true }, io);
  io.log(`\n${formatReport(contract.report, io.colour)}`);
  // the step summary of npm test holds the contract report; annotations still go out
  publishReport(contract.report, { reportDir: PATHS.reports, env: { GITHUB_ACTIONS: io.env.GITHUB_ACTIONS }, log: io.log });
  const tests = contract.report.steps[0]!;
  steps.push({ ...tests, ok: contract.report.ok && !contract.broken });
  steps.push(...(await runSteps([{ name: "package (pack, publint, attw, consumer, bin)", ...npmRun("check:package") }], io)));
  const totalMs = Math.round(performance.now() - started);
  const ok = steps.every((s) => s.ok);
  // read by `npm run bench` for its gate-time table
  writeFileSync(join(PATHS.reports, "timings-test.json"), `${JSON.stringify({ steps, totalMs }, null, 2)}\n`);
  appendSummary(io.env, testSummary(ok, steps, totalMs, contract.report, diff));
  return { ok, steps, totalMs };
}

/** npm test's step summary: its steps, then the contract report (with the spec:diff section when the spec changed). */
export function testSummary(ok: boolean, steps: StepResult[], totalMs: number, report: Parameters<typeof stepSummary>[0], diff?: SpecDiffOutcome): string {
  const section = diff && specDiffSection(diff);
  const contract = stepSummary(section ? { ...report, specDiff: section } : report);
  return [`## ${ok ? "✅" : "❌"} npm test: ${ok ? "passed" : "FAILED"}`, "", stepsMarkdown(steps, totalMs), "", contract].join("\n");
}

async function main(): Promise<number> {
  const io = { colour: processColour(), log: (line: string) => console.log(line), env: process.env };
  const run = await runAll(io);
  console.log(`\n${formatSteps("npm test steps", run.steps, run.totalMs, io.colour)}`);
  const failed = run.steps.filter((s) => !s.ok);
  console.log(`\nsteps: ${run.steps.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
