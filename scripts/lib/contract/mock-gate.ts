// The mock run of the contract gate (`npm run contract` without --target), four independent
// steps at once: lint the spec, check generated/ is up to date, diff the spec against its base,
// run the contract tests against every target of contract-tests/lib/targets.ts (Prism and the
// kit's mock); then read what the tests recorded into one report (the format of
// src/gate/report/model.ts, shared with the live run).
//
// A target process that ends under the tests (Prism crashing) fails tests that say nothing about
// the contract. The suite's setup records it; the contract tests then run once more, on a fresh
// Prism, and a second crash is reported as "could not check" (exit 3), never as broken.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import type { JsonTestResults } from "vitest/reporters";
import {
  fromTags,
  MODES,
  operationTag,
  type RecordedViolation,
  readRecords,
  type TargetEvent,
} from "../../../contract-tests/lib/records.ts";
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
  type Unchecked,
} from "../../../src/gate/report/model.ts";
import { stripAnsi } from "../../../src/gate/terminal.ts";
import { describeStale, staleFiles } from "../generate/index.ts";
import { NOISE, noiseFilter } from "../noise.ts";
import { PATHS, packageFile, ROOT } from "../paths.ts";
import { npmRun, runSteps, type Step, type StepIo, type StepResult } from "../run.ts";
import { describeOutcome, runSpecDiff, type SpecDiffOutcome, specDiffSection } from "../spec-diff.ts";
import { type Locate, yamlLocator } from "../spec-locate.ts";

/** Where a test that contacts no target is counted: the checks of the spec alone (its examples). */
const SPEC_ONLY = "spec";

/** Every form of every key the contract suite sends; none may reach the log or a report. */
export const SUITE_SECRETS: readonly string[] = secretsOf(...TARGETS.map((t) => t.apiKey), WRONG_KEY);

export interface MockGateOptions {
  reportDir: string;
  /** run only these operations' contract tests (ids of the spec, checked by the caller) */
  operations?: string[];
}

export interface MockGateResult {
  report: ContractReport;
  /** why the gate could not do its job, when it could not (exit 3); the report's `unchecked` says the same */
  broken?: string;
}

/** Seams for tests: the step runner (each step is a lane of its own), the drift check and the spec:diff. */
export interface MockGateDeps {
  runSteps: (steps: Step[], io: StepIo) => Promise<StepResult[]>;
  drift: () => Promise<{ stale: string[]; files: number }>;
  specDiff: () => Promise<SpecDiffOutcome>;
}

const defaultDeps: MockGateDeps = {
  runSteps,
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
  let retried = false;
  const steps = [
    ...checkSteps(deps),
    specDiffStep(deps, (d) => (diff = d)),
    contractTestsStep(files, options.operations, () => (retried = true)),
  ];
  const results = await deps.runSteps(steps, io);
  const records = readRecords(files.records);
  const crash = records.targets.find((t) => t.event === "crashed");
  if (crash?.cause) io.log(`\n! ${redactText(crash.cause, SUITE_SECRETS)}`);
  const tests = readVitest(files.vitest, options.operations);
  const brokenStep = results.find((r) => r.broken)?.note;
  // the suite's own problems first: a crash, or results it never wrote; then a step that broke
  const suite = crash ? crashed(crash, tests.cases, retried) : tests.broken ? { cause: tests.broken } : undefined;
  const unchecked = suite ?? (brokenStep === undefined ? undefined : { cause: brokenStep });
  const report = redactDeep(
    assemble({
      startedAt,
      results,
      tests,
      records,
      diff,
      unchecked,
      suiteUnchecked: !!suite,
      operations: options.operations,
    }),
    SUITE_SECRETS,
  );
  return report.unchecked ? { report, broken: report.unchecked.cause } : { report };
}

/**
 * A target crashed under the run (the second, when the first crashed too): what it failed cannot
 * be told from a broken contract, so every failed test of the run is "could not check", and the
 * first one names the request.
 */
function crashed(crash: TargetEvent, cases: CaseRecord[], retried: boolean): Unchecked {
  const cause = (crash.cause ?? `${crash.target} ended during the run`).split("\n")[0]!;
  const note = `${crash.target} crashed during the run: ${cause}`;
  const first = cases.find((c) => c.status === "failed");
  for (const c of cases) {
    if (c.status !== "failed") continue;
    c.status = "unchecked";
    c.note = c.failures?.[0] ? `${note} (${c.failures[0]})` : note;
  }
  return {
    cause: retried ? `${cause}; it had crashed in the first run too, and this was a fresh ${crash.target}` : cause,
    ...(first
      ? { request: `the test "${first.name}"`, ...(first.operationId ? { operationId: first.operationId } : {}) }
      : {}),
  };
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

const CONTRACT_TESTS_STEP = `contract tests (${TARGETS.map((t) => t.name).join(", ")})`;

function contractTestsStep(
  files: { records: string; vitest: string },
  operations: string[] | undefined,
  retrying: () => void,
): Step {
  return {
    name: CONTRACT_TESTS_STEP,
    command: process.execPath,
    args: [
      packageFile("vitest", "vitest.mjs"),
      "run",
      "--project",
      "contract",
      // Prism answers on one thread: another worker would only load the suite again
      "--maxWorkers=1",
      "--reporter=dot",
      "--reporter=json",
      `--outputFile.json=${files.vitest}`,
      // every test carries the tag of its operation (contract-tests/lib/harness.ts `about`)
      ...(operations ? [`--tags-filter=${operations.map(operationTag).join(" || ")}`] : []),
    ],
    env: { LC_CONTRACT_RECORDS: files.records },
    // a failing assertion prints what it compared; no key the suite sent may go with it
    filter: (line) => redactText(line, SUITE_SECRETS),
    again: () => {
      const crash = readRecords(files.records).targets.find((t) => t.event === "crashed");
      if (!crash) return undefined;
      // the second run starts from nothing: its own records, its own results, a fresh target
      rmSync(files.records, { force: true });
      rmSync(files.vitest, { force: true });
      retrying();
      const cause = redactText((crash.cause ?? "").split("\n")[0]!, SUITE_SECRETS);
      return `${crash.target} crashed during the contract tests (${cause}); running them once more on a fresh ${crash.target}`;
    },
  };
}

/**
 * The contract tests' results as cases, only the chosen operations' when the run was limited
 * (vitest skips the others); `broken` when they could not run at all.
 */
function readVitest(file: string, operations?: string[]): { cases: CaseRecord[]; broken?: string } {
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
  const chosen = (c: CaseRecord) => !operations || (c.operationId !== undefined && operations.includes(c.operationId));
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
  return { cases: cases.filter(chosen).sort((a, b) => rank(a.target) - rank(b.target)) };
}

function assemble(input: {
  startedAt: Date;
  results: StepResult[];
  tests: { cases: CaseRecord[] };
  records: ReturnType<typeof readRecords>;
  diff: SpecDiffOutcome | undefined;
  unchecked: Unchecked | undefined;
  /** the contract tests themselves could not check (a crash, no results) */
  suiteUnchecked: boolean;
  operations: string[] | undefined;
}): ContractReport {
  const { unchecked, operations } = input;
  const locate = yamlLocator(PATHS.spec, PATHS.specRelative);
  // every target of the suite must exercise every documented pair, whether its tests ran or not
  const targets = [...new Set([...TARGETS.map((t) => t.name), ...input.records.exercised.map((e) => e.target)])];
  const modeOrder = Object.fromEntries(TARGETS.map((t) => [t.name, MODES.filter((m) => !t.notApplicable[m])]));
  const coverage = buildCoverage(spec, input.records.exercised, {
    targets,
    modeOrder: (target) => modeOrder[target] ?? MODES,
    ...(operations ? { operations } : {}),
  });
  const violations = input.records.violations.map((v) => findingOf(v, locate));
  const diff = input.diff && specDiffSection(input.diff);
  const ok =
    unchecked === undefined &&
    input.results.every((r) => r.ok) &&
    input.tests.cases.length > 0 &&
    input.tests.cases.every((c) => c.status !== "failed") &&
    violations.length === 0 &&
    coverage.missing.length === 0;
  return {
    format: REPORT_FORMAT,
    mode: "mock",
    ok,
    ...(unchecked ? { unchecked } : {}),
    ...(operations ? { operations } : {}),
    startedAt: input.startedAt.toISOString(),
    durationMs: Date.now() - input.startedAt.getTime(),
    spec: specSection(spec, PATHS.specRelative),
    targets: targets.map(targetEntry),
    steps: input.results.map((r) => ({
      name: r.name,
      ok: r.ok && !(input.suiteUnchecked && r.name === CONTRACT_TESTS_STEP),
      ms: r.ms,
      ...(r.note ? { note: r.note } : {}),
      ...(r.broken || (input.suiteUnchecked && r.name === CONTRACT_TESTS_STEP) ? { unchecked: true } : {}),
    })),
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
