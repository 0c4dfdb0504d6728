// `npm test`: everything, with the time each step took; in GitHub Actions also a step summary.
// The contract tests run in-process through the mock gate, so their step is announced once and
// their coverage lands in the same summary.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { stepSummary, stepsMarkdown } from "../src/gate/report/github.ts";
import { appendSummary, publishReport } from "../src/gate/report/publish.ts";
import { formatReport, formatSteps } from "../src/gate/report/text.ts";
import { processColour } from "../src/gate/terminal.ts";
import { checkSteps, runMockGate, specDiffStep } from "./lib/contract/mock-gate.ts";
import { PATHS } from "./lib/paths.ts";
import { npmRun, runSteps, runStepsConcurrently, type Step, type StepIo, type StepResult } from "./lib/run.ts";
import type { SpecDiffOutcome } from "./lib/spec-diff.ts";
import { runSpecDiff, specDiffSection } from "./lib/spec-diff.ts";
import { lintWorkflowsStep } from "./lib/workflows.ts";

interface TestRun {
  ok: boolean;
  steps: StepResult[];
  totalMs: number;
}

/**
 * The quick checks of the spec and workflows first, one after another; then the long steps at
 * once (each holds its output until it ends): on two cores they overlap the time each spends
 * waiting on processes, npm's cache and Prism. The runtime matrix follows the package step,
 * whose pack built dist/.
 */
async function runAll(io: StepIo & { env: Record<string, string | undefined> }): Promise<TestRun> {
  const started = performance.now();
  let diff: SpecDiffOutcome | undefined;
  const checks = await runSteps(
    [
      ...checkSteps(),
      specDiffStep({ specDiff: () => runSpecDiff() }, (outcome) => (diff = outcome)),
      lintWorkflowsStep(),
      { name: "format and lint (biome)", ...npmRun("lint:code") },
      { name: "unused code (knip)", ...npmRun("knip") },
    ],
    io,
  );
  let contract: Awaited<ReturnType<typeof runMockGate>> | undefined;
  const long = await runStepsConcurrently(
    [
      { name: "typecheck", ...npmRun("typecheck") },
      { name: "client tests", ...npmRun("test:client") },
      { name: "tooling tests", ...npmRun("test:tooling") },
      contractStep(io, (result) => (contract = result)),
      [
        { name: "package (pack, publint, attw, consumer, bin)", ...npmRun("check:package") },
        // on the dist/ the pack step just built: the package is built once
        { name: "runtimes (Node 20, 22, 24, Bun, Deno, Chromium)", ...npmRun("test:runtimes", "--no-build") },
      ],
    ],
    io,
  );
  const steps = [...checks, ...long];
  const totalMs = Math.round(performance.now() - started);
  const ok = steps.every((s) => s.ok);
  // read by `npm run bench` for its gate-time table
  writeFileSync(join(PATHS.reports, "timings-test.json"), `${JSON.stringify({ steps, totalMs }, null, 2)}\n`);
  if (contract) appendSummary(io.env, testSummary(ok, steps, totalMs, contract.report, diff));
  return { ok, steps, totalMs };
}

/** The contract tests through the mock gate, as one step whose output is the coverage report. */
function contractStep(
  io: StepIo & { env: Record<string, string | undefined> },
  keep: (result: Awaited<ReturnType<typeof runMockGate>>) => void,
): Step {
  return {
    name: "contract tests (prism, mock)",
    task: async () => {
      const lines: string[] = [];
      // announced once, by this step; its command's output held with the rest
      const held = {
        ...io,
        capture: true,
        headers: false,
        log: (line: string) => lines.push(line),
        error: (line: string) => lines.push(line),
      };
      const result = await runMockGate({ reportDir: PATHS.reports, testsOnly: true }, held);
      keep(result);
      // the step summary of npm test holds the contract report; annotations still go out
      publishReport(result.report, {
        reportDir: PATHS.reports,
        env: { GITHUB_ACTIONS: io.env.GITHUB_ACTIONS },
        log: (l) => lines.push(l),
      });
      const ok = result.report.ok && !result.broken;
      const note = `${ok ? "contract holds" : "contract broken"}\n${[...lines, "", formatReport(result.report, io.colour)].join("\n")}`;
      return { ok, note, ...(result.broken ? { broken: true } : {}) };
    },
  };
}

/** npm test's step summary: its steps, then the contract report (with the spec:diff section when the spec changed). */
export function testSummary(
  ok: boolean,
  steps: StepResult[],
  totalMs: number,
  report: Parameters<typeof stepSummary>[0],
  diff?: SpecDiffOutcome,
): string {
  const section = diff && specDiffSection(diff);
  const contract = stepSummary(section ? { ...report, specDiff: section } : report);
  return [
    `## ${ok ? "✅" : "❌"} npm test: ${ok ? "passed" : "FAILED"}`,
    "",
    stepsMarkdown(steps, totalMs),
    "",
    contract,
  ].join("\n");
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
