// The mock run of the contract gate (`npm run contract` without --target), four independent
// steps at once: lint the spec, check generated/ is up to date, diff the spec against its base,
// run the contract tests against every target of contract-tests/lib/targets.ts (Prism and the
// kit's mock); then read what the tests recorded into one report (the format of
// src/gate/report/model.ts, shared with the live run).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import type { JsonTestResults } from "vitest/reporters";
import { fromTags, MODES, type RecordedViolation, readRecords } from "../../../contract-tests/lib/records.ts";
import { spec } from "../../../contract-tests/lib/spec.ts";
import { TARGETS, WRONG_KEY } from "../../../contract-tests/lib/targets.ts";
import { secretsOf } from "../../../src/client/auth.ts";
import { redactDeep, redactText } from "../../../src/client/redact.ts";
import { buildCoverage } from "../../../src/gate/report/coverage.ts";
import {
  type CaseRecord,
  type ContractReport,
  type Finding,
  REPORT_FORMAT,
  specSection,
} from "../../../src/gate/report/model.ts";
import { stripAnsi } from "../../../src/gate/terminal.ts";
import { describeStale, staleFiles } from "../generate/index.ts";
import { NOISE, noiseFilter } from "../noise.ts";
import { PATHS, packageFile, ROOT } from "../paths.ts";
import { npmRun, runStepsConcurrently, type Step, type StepIo, type StepResult } from "../run.ts";
import { describeOutcome, runSpecDiff, type SpecDiffOutcome, specDiffSection } from "../spec-diff.ts";
import { type Locate, yamlLocator } from "../spec-locate.ts";

/** Where a test that contacts no target is counted: the checks of the spec alone (its examples). */
const SPEC_ONLY = "spec";

/** Every form of every key the contract suite sends; none may reach the log or a report. */
export const SUITE_SECRETS: readonly string[] = secretsOf(...TARGETS.map((t) => t.apiKey), WRONG_KEY);

export interface MockGateOptions {
  reportDir: string;
}

export interface MockGateResult {
  report: ContractReport;
  /** why the gate could not do its job, when it could not (exit 3) */
  broken?: string;
}

/** Seams for tests: the step runner (each step is a lane of its own), the drift check and the spec:diff. */
export interface MockGateDeps {
  runSteps: (steps: Step[], io: StepIo) => Promise<StepResult[]>;
  drift: () => Promise<{ stale: string[]; files: number }>;
  specDiff: () => Promise<SpecDiffOutcome>;
}

const defaultDeps: MockGateDeps = {
  runSteps: (steps, io) => runStepsConcurrently(steps, io),
  drift: () => staleFiles(),
  specDiff: () => runSpecDiff(),
};

const mockFiles = (reportDir: string) => ({
  records: join(reportDir, "contract-records.jsonl"),
  vitest: join(reportDir, "contract-vitest.json"),
});

export async function runMockGate(
  options: MockGateOptions,
  io: StepIo,
  deps: MockGateDeps = defaultDeps,
): Promise<MockGateResult> {
  const startedAt = new Date();
  const files = mockFiles(options.reportDir);
  mkdirSync(options.reportDir, { recursive: true });
  rmSync(files.records, { force: true });
  rmSync(files.vitest, { force: true });
  let diff: SpecDiffOutcome | undefined;
  const steps = [...checkSteps(deps), specDiffStep(deps, (d) => (diff = d)), contractTestsStep(files)];
  const results = await deps.runSteps(steps, io);
  const tests = readVitest(files.vitest);
  const report = redactDeep(
    assemble({ startedAt, results, tests, records: readRecords(files.records), diff }),
    SUITE_SECRETS,
  );
  const broken = results.find((r) => r.broken)?.note ?? tests.broken;
  return broken ? { report, broken: redactText(broken, SUITE_SECRETS) } : { report };
}

function checkSteps(deps: Pick<MockGateDeps, "drift">): Step[] {
  return [
    { name: "lint spec", ...npmRun("lint:spec"), filter: noiseFilter(NOISE.redoclyNode20) },
    {
      name: "drift check",
      task: async () => {
        const result = await deps.drift();
        return { ok: result.stale.length === 0, note: describeStale(result) };
      },
    },
  ];
}

function specDiffStep(deps: Pick<MockGateDeps, "specDiff">, keep: (outcome: SpecDiffOutcome) => void): Step {
  return {
    name: "breaking-change check (spec:diff)",
    task: async () => {
      const outcome = await deps.specDiff();
      keep(outcome);
      const ok = outcome.kind !== "compared" || outcome.result.ok;
      return { ok, note: describeOutcome(outcome) };
    },
  };
}

function contractTestsStep(files: { records: string; vitest: string }): Step {
  return {
    name: `contract tests (${TARGETS.map((t) => t.name).join(", ")})`,
    command: process.execPath,
    args: [
      packageFile("vitest", "vitest.mjs"),
      "run",
      "--project",
      "contract",
      "--reporter=dot",
      "--reporter=json",
      `--outputFile.json=${files.vitest}`,
    ],
    env: { LC_CONTRACT_RECORDS: files.records },
    // a failing assertion prints what it compared; no key the suite sent may go with it
    filter: (line) => redactText(line, SUITE_SECRETS),
  };
}

/** The contract tests' results as cases; `broken` when they could not run at all. */
function readVitest(file: string): { cases: CaseRecord[]; broken?: string } {
  if (!existsSync(file))
    return { cases: [], broken: "the contract tests wrote no results (vitest or a target failed to start; see above)" };
  const json = JSON.parse(readFileSync(file, "utf8")) as JsonTestResults;
  const unloadable = json.testResults.find((f) => f.assertionResults.length === 0 && f.status === "failed");
  if (unloadable)
    return {
      cases: [],
      broken: `${relative(ROOT, unloadable.name)} could not run: ${firstLine(unloadable.message ?? "")}`,
    };
  if (json.numTotalTests === 0) return { cases: [], broken: "the contract tests ran no test" };
  const cases = json.testResults.flatMap((f) =>
    f.assertionResults.map((a): CaseRecord => {
      const tagged = fromTags(a.tags ?? []);
      const failures = (a.failureMessages ?? []).map(firstLine);
      return {
        target: tagged.target ?? SPEC_ONLY,
        ...(tagged.operationId ? { operationId: tagged.operationId } : {}),
        name: a.fullName,
        file: relative(ROOT, f.name).split("\\").join("/"),
        status: a.status === "passed" ? "passed" : a.status === "failed" ? "failed" : "skipped",
        ms: Math.round(a.duration ?? 0),
        ...(failures.length ? { failures } : {}),
      };
    }),
  );
  // the targets in the table's order, then the checks of the spec alone (tests run in any order)
  const rank = (target: string) => {
    const index = TARGETS.findIndex((t) => t.name === target);
    return index < 0 ? TARGETS.length : index;
  };
  return { cases: cases.sort((a, b) => rank(a.target) - rank(b.target)) };
}

function assemble(input: {
  startedAt: Date;
  results: StepResult[];
  tests: { cases: CaseRecord[] };
  records: ReturnType<typeof readRecords>;
  diff: SpecDiffOutcome | undefined;
}): ContractReport {
  const locate = yamlLocator(PATHS.spec, PATHS.specRelative);
  // every target of the suite must exercise every documented pair, whether its tests ran or not
  const targets = [...new Set([...TARGETS.map((t) => t.name), ...input.records.exercised.map((e) => e.target)])];
  const modeOrder = Object.fromEntries(TARGETS.map((t) => [t.name, MODES.filter((m) => !t.notApplicable[m])]));
  const coverage = buildCoverage(spec, input.records.exercised, {
    targets,
    modeOrder: (target) => modeOrder[target] ?? MODES,
  });
  const violations = input.records.violations.map((v) => findingOf(v, locate));
  const diff = input.diff && specDiffSection(input.diff);
  const ok =
    input.results.every((r) => r.ok) &&
    input.tests.cases.length > 0 &&
    input.tests.cases.every((c) => c.status !== "failed") &&
    violations.length === 0 &&
    coverage.missing.length === 0;
  return {
    format: REPORT_FORMAT,
    mode: "mock",
    ok,
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    spec: specSection(spec, PATHS.specRelative),
    targets: targets.map(targetEntry),
    steps: input.results.map((r) => ({ name: r.name, ok: r.ok, ms: r.ms, ...(r.note ? { note: r.note } : {}) })),
    coverage,
    cases: input.tests.cases,
    violations,
    findings: [],
    ...(diff ? { specDiff: diff } : {}),
  };
}

/** A target as the report names it: what it is, and the modes of the suite that do not apply to it, with why. */
function targetEntry(name: string): ContractReport["targets"][number] {
  const target = TARGETS.find((t) => t.name === name);
  if (!target) return { name };
  const notApplicable = Object.entries(target.notApplicable).map(([mode, n]) => ({ mode, reason: n.note }));
  return { name, about: target.about, ...(notApplicable.length ? { notApplicable } : {}) };
}

/** A recorded violation as a report finding, with the line of its schema keyword when found. */
function findingOf(v: RecordedViolation, locate: Locate): Finding {
  const location = v.pointer ? (locate(v.pointer) ?? { pointer: v.pointer }) : undefined;
  return {
    target: v.target,
    operationId: v.operationId,
    case: v.case,
    status: v.status,
    ...(v.path ? { path: v.path } : {}),
    message: v.message,
    ...(location ? { location } : {}),
  };
}

function firstLine(text: string): string {
  return (
    stripAnsi(text)
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}
