// The mock gate's verdict from what the contract tests left behind, with the step runner
// replaced: results counted per target and operation by their tags (never by the words of a
// test's name), coverage from the records for every target of the suite, violations with spec
// lines, no key of the suite in anything it reports, and exit 3 when the tests never ran.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  appendExercised,
  appendTargetEvent,
  appendViolation,
  operationTag,
  targetTag,
} from "../../contract-tests/lib/records.ts";
import { spec } from "../../contract-tests/lib/spec.ts";
import { TARGETS, WRONG_KEY } from "../../contract-tests/lib/targets.ts";
import { type MockGateDeps, runMockGate, SUITE_SECRETS } from "../../scripts/lib/contract/mock-gate.ts";
import { repoDeps, runMock } from "../../scripts/lib/contract/repo.ts";
import { runSteps, type Step, type StepResult } from "../../scripts/lib/run.ts";
import { basicAuthorization } from "../../src/client/index.ts";
import { runCli } from "../../src/gate/cli/main.ts";
import { toJUnit } from "../../src/gate/report/junit.ts";
import { publishReport } from "../../src/gate/report/publish.ts";
import { formatReport } from "../../src/gate/report/text.ts";
import { captureIo } from "../support/capture.ts";

const R = "createRecipientInvitation";
const S = "createSourceInvitation";
/** The (operation, status) pairs the spec documents: what coverage counts on each target. */
const DOCUMENTED_PAIRS = spec.operations.reduce((n, op) => n + op.responses.length, 0);

interface FakeTest {
  name: string;
  status?: "passed" | "failed" | "skipped";
  tags?: string[];
  ms?: number;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mock-gate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A step runner that plays the contract tests: writes their JSON results and records. */
const CONTRACT_STEP = "contract tests (prism, mock)";

interface FakeOptions {
  tests?: FakeTest[];
  vitest?: object | null;
  /** which targets recorded every documented pair */
  exercise?: "all" | "none" | string[];
  violations?: boolean;
  failStep?: string;
  /** a target's process that ended under the tests, as the suite's setup records it */
  crashed?: string;
}

function fake(options: FakeOptions = {}): MockGateDeps & { ran: string[]; steps: Step[] } {
  const ran: string[] = [];
  const given: Step[] = [];
  return {
    ran,
    steps: given,
    drift: async () => ({ stale: [], files: 6 }),
    specDiff: async () => ({ kind: "unchanged", base: "HEAD~1 (abc):spec/leadconduit.yaml" }),
    runSteps: async (steps: Step[]) => {
      const results: StepResult[] = [];
      for (const step of steps) {
        ran.push(step.name);
        given.push(step);
        if ("task" in step) {
          const outcome = await step.task();
          results.push({ name: step.name, ok: outcome.ok, ms: 1 });
          continue;
        }
        if (step.name.startsWith("contract tests")) {
          // where the gate told vitest and the harness to write
          const vitest = step.args.find((a) => a.startsWith("--outputFile.json="))!.split("=")[1]!;
          writeResults({ vitest, records: step.env!.LC_CONTRACT_RECORDS! }, options);
        }
        results.push({ name: step.name, ok: step.name !== options.failStep, ms: 5 });
      }
      return results;
    },
  };
}

function writeResults(files: { vitest: string; records: string }, options: FakeOptions = {}): void {
  const tests = options.tests ?? [{ name: `${R} examples a test`, tags: [operationTag(R)] }];
  if (options.vitest !== null) {
    const json = options.vitest ?? {
      numTotalTests: tests.length,
      testResults: [
        {
          name: join(process.cwd(), "contract-tests", "x.test.ts"),
          status: tests.some((t) => t.status === "failed") ? "failed" : "passed",
          assertionResults: tests.map((t) => ({
            fullName: t.name,
            status: t.status ?? "passed",
            duration: t.ms ?? 3,
            failureMessages: t.status === "failed" ? ["\u001b[31mAssertionError: nope\u001b[39m\n    at x"] : [],
            tags: t.tags ?? [],
          })),
        },
      ],
    };
    writeFileSync(files.vitest, JSON.stringify(json));
  }
  const exercising =
    options.exercise === "none" ? [] : Array.isArray(options.exercise) ? options.exercise : TARGETS.map((t) => t.name);
  for (const target of exercising) {
    for (const op of spec.operations) {
      for (const r of op.responses)
        appendExercised(files.records, {
          target,
          operationId: op.operationId,
          status: Number(r.status),
          mode: "static",
          documented: true,
          case: "c",
        });
    }
  }
  if (options.crashed)
    appendTargetEvent(files.records, {
      target: options.crashed,
      event: "crashed",
      pid: 4242,
      cause: `${options.crashed} on http://127.0.0.1:1 exited (SIGKILL) 900 ms after it answered, while tests used it\nits last output:\n[CLI] ready`,
    });
  if (options.violations) {
    appendViolation(files.records, {
      target: "prism",
      operationId: S,
      status: 200,
      case: "seed 1003",
      path: "/entity/name",
      message: "/entity/name must have required property 'name'",
      pointer: "/components/schemas/Entity/required",
    });
  }
}

const io = () => ({ colour: false, log: () => {}, env: {} });

describe("runMockGate", () => {
  it("passes when every step passed, every test passed and every documented pair was exercised", async () => {
    const deps = fake();
    const { report, broken } = await runMockGate({ reportDir: dir }, io(), deps);
    expect(broken).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(deps.ran).toEqual(["lint spec", "drift check", "breaking-change check (spec:diff)", CONTRACT_STEP]);
    expect(report.coverage.missing).toEqual([]);
  });

  it("counts results per target and operation by tag, not by the words of a test's name; untagged by target is the spec's own", async () => {
    const tests: FakeTest[] = [
      { name: `covers every operation (${R}, ${S})` },
      // the name mentions createRecipientInvitation and prism, the tags say resendInvitation on the mock
      {
        name: `prism resend after createRecipientInvitation`,
        tags: [targetTag("mock"), operationTag("resendInvitation")],
        ms: 40,
      },
      { name: `example is valid`, tags: [operationTag(R)] },
      { name: `serves the example`, tags: [targetTag("prism"), operationTag(R)] },
    ];
    const { report } = await runMockGate({ reportDir: dir }, io(), fake({ tests }));
    // in the target table's order, then the checks of the spec alone
    expect(report.cases.map((c) => [c.target, c.name.slice(0, 20), c.operationId, c.ms])).toEqual([
      ["prism", "serves the example", R, 3],
      ["mock", "prism resend after c", "resendInvitation", 40],
      ["spec", "covers every operati", undefined, 3],
      ["spec", "example is valid", R, 3],
    ]);
    expect(report.cases.every((c) => c.file === "contract-tests/x.test.ts")).toBe(true);
  });

  it("reports every target of the suite, with the modes that do not apply to one and why, and their own coverage columns", async () => {
    const { report } = await runMockGate({ reportDir: dir }, io(), fake());
    expect(report.targets.map((t) => t.name)).toEqual(["prism", "mock"]);
    expect(report.targets[1]).toMatchObject({
      about: expect.stringContaining("createLeadConduitMock"),
      notApplicable: [{ mode: "generated", reason: expect.stringContaining("dynamic") }],
    });
    expect(report.targets[0]!.notApplicable).toBeUndefined();
    expect(report.coverage.modes).toEqual({
      prism: ["static", "generated", "negative", "client"],
      mock: ["static", "negative", "client"],
    });
    const text = formatReport(report);
    expect(text).toMatch(/prism ─+\s+mock ─+/);
    expect(text).toContain(
      `coverage: ${DOCUMENTED_PAIRS}/${DOCUMENTED_PAIRS} documented (operation, status) pairs exercised on mock (100%)`,
    );
    expect(text).toMatch(/mock: generated cases do not apply: the mock makes no seeded dynamic answers/);
    expect(text).toMatch(/against prism, mock: PASSED/);
  });

  it("fails when one target never exercised a documented pair, even if its tests never ran", async () => {
    const { report } = await runMockGate({ reportDir: dir }, io(), fake({ exercise: ["prism"] }));
    expect(report.ok).toBe(false);
    expect(report.coverage.missing).toHaveLength(DOCUMENTED_PAIRS);
    expect(report.coverage.missing.every((m) => m.target === "mock")).toBe(true);
    expect(formatReport(report)).toContain(`${R} 200 is documented but mock never exercised it`);
  });

  it("puts no form of any key the suite sends in the report, its renderings or the tests' output", async () => {
    const keys = [...TARGETS.map((t) => t.apiKey), WRONG_KEY];
    const leak = keys.map((k) => `${k} ${basicAuthorization(k)} ${encodeURIComponent(k)}`).join(" | ");
    const tests: FakeTest[] = [
      { name: `echoes ${keys[1]}`, status: "failed", tags: [targetTag("mock"), operationTag(R)] },
    ];
    const deps = fake({ tests });
    const runSteps = deps.runSteps;
    deps.runSteps = async (steps, stepIo) => {
      const results = await runSteps(steps, stepIo);
      // what vitest wrote: a failure message that quotes what the target was sent
      const vitest = join(dir, "contract-vitest.json");
      const json = JSON.parse(readFileSync(vitest, "utf8"));
      json.testResults[0].assertionResults[0].failureMessages = [`AssertionError: sent ${leak}`];
      writeFileSync(vitest, JSON.stringify(json));
      return results;
    };
    const { report } = await runMockGate({ reportDir: dir }, io(), deps);
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    const files = publishReport(report, { reportDir: dir, env: { GITHUB_STEP_SUMMARY: summary }, log: () => {} });
    const texts = [
      JSON.stringify(report),
      formatReport(report),
      readFileSync(files.json, "utf8"),
      readFileSync(files.junit, "utf8"),
      readFileSync(summary, "utf8"),
    ];
    expect(report.cases[0]!.failures![0]).toContain("[REDACTED]");
    for (const text of texts) for (const secret of SUITE_SECRETS) expect(text.includes(secret), secret).toBe(false);
    const step = deps.steps.find((st) => st.name === CONTRACT_STEP)!;
    expect("filter" in step && step.filter!(`expected ${leak}`)).not.toMatch(new RegExp(keys.join("|")));
  });

  it("fails on a failed test, a failed step, a recorded violation (with its spec line) or an unexercised documented pair", async () => {
    const failedTest = await runMockGate(
      { reportDir: dir },
      io(),
      fake({ tests: [{ name: "t", status: "failed", tags: [operationTag(R)] }] }),
    );
    expect(failedTest.report.ok).toBe(false);
    expect(failedTest.report.cases[0]!.failures).toEqual(["AssertionError: nope"]);

    expect((await runMockGate({ reportDir: dir }, io(), fake({ failStep: "lint spec" }))).report.ok).toBe(false);

    const violated = await runMockGate({ reportDir: dir }, io(), fake({ violations: true }));
    expect(violated.report.ok).toBe(false);
    expect(violated.report.violations[0]).toMatchObject({
      operationId: S,
      status: 200,
      path: "/entity/name",
      location: { file: "spec/leadconduit.yaml", line: expect.any(Number) },
    });

    const unexercised = await runMockGate({ reportDir: dir }, io(), fake({ exercise: "none" }));
    expect(unexercised.report.ok).toBe(false);
    expect(unexercised.report.coverage.missing).toHaveLength(2 * DOCUMENTED_PAIRS); // on each target
  });

  it("is broken (not failed) when the tests wrote no results, ran none, or a test file could not load", async () => {
    expect((await runMockGate({ reportDir: dir }, io(), fake({ vitest: null }))).broken).toMatch(/wrote no results/);
    expect(
      (await runMockGate({ reportDir: dir }, io(), fake({ vitest: { numTotalTests: 0, testResults: [] } }))).broken,
    ).toMatch(/ran no test/);
    const unloadable = {
      numTotalTests: 0,
      testResults: [
        {
          name: join(process.cwd(), "contract-tests", "bad.test.ts"),
          status: "failed",
          message: "SyntaxError: x",
          assertionResults: [],
        },
      ],
    };
    expect((await runMockGate({ reportDir: dir }, io(), fake({ vitest: unloadable }))).broken).toMatch(
      /contract-tests\/bad\.test\.ts could not run: SyntaxError/,
    );
  });
});

describe("a target that crashed under the tests", () => {
  it("is could not check: the failed tests are not counted as failures, and the cause names the process", async () => {
    const tests: FakeTest[] = [
      { name: "serves the example", status: "failed", tags: [targetTag("prism"), operationTag(R)] },
      { name: "refuses no credentials", tags: [targetTag("mock"), operationTag(R)] },
    ];
    const { report, broken } = await runMockGate({ reportDir: dir }, io(), fake({ tests, crashed: "prism" }));
    expect(report.ok).toBe(false);
    expect(report.unchecked).toEqual({
      cause: "prism on http://127.0.0.1:1 exited (SIGKILL) 900 ms after it answered, while tests used it",
      request: 'the test "serves the example"',
      operationId: R,
    });
    expect(broken).toBe(report.unchecked!.cause);
    expect(report.cases.map((c) => c.status)).toEqual(["unchecked", "passed"]);
    expect(report.cases[0]!.note).toMatch(/^prism crashed during the run: .*\(AssertionError: nope\)$/);
    expect(report.steps.find((st) => st.name === CONTRACT_STEP)).toMatchObject({ ok: false, unchecked: true });
    const junit = toJUnit(report);
    expect(junit).toContain('errors="1"');
    expect(junit).not.toContain("<failure");
  });

  it("runs the contract tests once more when the first run recorded a crash, from fresh records", async () => {
    const deps = fake();
    await runMockGate({ reportDir: dir }, io(), deps);
    const contract = deps.steps.find((st) => st.name === CONTRACT_STEP) as Extract<Step, { command: string }>;
    const records = contract.env!.LC_CONTRACT_RECORDS!;
    // nothing crashed: no second run
    expect(contract.again!()).toBeUndefined();
    appendTargetEvent(records, { target: "prism", event: "crashed", cause: "prism exited (SIGKILL)\nlast words" });
    writeFileSync(join(dir, "contract-vitest.json"), "{}");
    expect(contract.again!()).toBe(
      "prism crashed during the contract tests (prism exited (SIGKILL)); running them once more on a fresh prism",
    );
    expect(existsSync(records)).toBe(false);
    expect(existsSync(join(dir, "contract-vitest.json"))).toBe(false);
  });
});

describe("a run whose first contract-tests run crashed", () => {
  // The real step runner and the gate's own contract step, its command a process that writes what
  // a crashed first run writes, then what a clean second one writes: the retry's verdict stands.
  // test/scripts/prism-crash.test.ts does the same with the real suite and a real Prism killed twice.
  it("is run once more, from fresh records, and the second run's verdict stands", async () => {
    const staged = (name: string) => ({
      vitest: join(dir, `${name}.vitest.json`),
      records: join(dir, `${name}.jsonl`),
    });
    const [first, second] = [staged("first"), staged("second")];
    writeResults(first, {
      crashed: "prism",
      tests: [{ name: "serves the example", status: "failed", tags: [targetTag("prism"), operationTag(R)] }],
    });
    writeResults(second);
    const runs = join(dir, "runs");
    const script = `
      const fs = require("node:fs");
      const [runs, first, second] = process.argv.slice(1);
      const n = fs.existsSync(runs) ? Number(fs.readFileSync(runs, "utf8")) + 1 : 1;
      fs.writeFileSync(runs, String(n));
      const staged = JSON.parse(n === 1 ? first : second);
      const out = process.argv.find((a) => a.startsWith("--outputFile.json=")).split("=")[1];
      fs.copyFileSync(staged.vitest, out);
      fs.copyFileSync(staged.records, process.env.LC_CONTRACT_RECORDS);`;
    const deps: MockGateDeps = {
      ...fake(),
      runSteps: async (steps, stepIo) => {
        const contract = steps.find((step) => step.name === CONTRACT_STEP) as Extract<Step, { command: string }>;
        const args = ["-e", script, runs, JSON.stringify(first), JSON.stringify(second), ...contract.args.slice(1)];
        const [result] = await runSteps([{ ...contract, args }], stepIo);
        // the other steps pass: they are not what this test is about
        return [...steps.filter((st) => st !== contract).map((st) => ({ name: st.name, ok: true, ms: 0 })), result!];
      },
    };
    const log: string[] = [];
    const { report, broken } = await runMockGate({ reportDir: dir }, { ...io(), log: (l) => log.push(l) }, deps);
    expect(readFileSync(runs, "utf8")).toBe("2");
    expect(log.join("\n")).toMatch(
      /↻ prism crashed during the contract tests \(prism on http:\/\/127\.0\.0\.1:1 exited/,
    );
    expect(broken).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.unchecked).toBeUndefined();
    expect(report.cases.map((c) => [c.name, c.status])).toEqual([[`${R} examples a test`, "passed"]]);
    expect(report.steps.find((st) => st.name === CONTRACT_STEP)!.note).toMatch(/^ran twice: prism crashed/);
  });
});

describe("--operation", () => {
  it("filters the suite by the operations' tags, and answers for their pairs and tests only", async () => {
    const tests: FakeTest[] = [
      { name: "a", tags: [targetTag("prism"), operationTag(R)] },
      { name: "b", status: "skipped", tags: [targetTag("prism"), operationTag(S)] },
    ];
    const deps = fake({ tests });
    const { report } = await runMockGate({ reportDir: dir, operations: [R] }, io(), deps);
    const contract = deps.steps.find((st) => st.name === CONTRACT_STEP) as Extract<Step, { command: string }>;
    expect(contract.args).toContain(`--tags-filter=${operationTag(R)}`);
    expect(report.cases.map((c) => c.name)).toEqual(["a"]);
    expect(new Set(report.coverage.rows.map((r) => r.operationId))).toEqual(new Set([R]));
    expect(report.operations).toEqual([R]);
    expect(report.ok).toBe(true);
    await runMockGate({ reportDir: dir, operations: [R, S] }, io(), deps);
    expect(deps.steps.at(-1)!.name).toBe(CONTRACT_STEP);
    expect((deps.steps.at(-1) as { args: string[] }).args).toContain(
      `--tags-filter=${operationTag(R)} || ${operationTag(S)}`,
    );
  });

  it("an operation the spec lacks is refused (exit 2) before anything runs", async () => {
    const captured = captureIo({}, dir);
    const deps = fake();
    const code = await runCli(["--operation", "getStatus"], captured, {
      ...repoDeps,
      runMock: (c, i) => runMock(c, i, deps),
    });
    expect(code).toBe(2);
    expect(captured.err).toEqual([
      `contract: --operation "getStatus": not in the spec, whose operations are ${spec.operations.map((o) => o.operationId).join(", ")}`,
    ]);
    expect(deps.ran).toEqual([]);
  });
});

describe("runMock exit codes", () => {
  it("0 when the contract holds, 1 when it is broken, 3 when the gate could not run, with a closing count line", async () => {
    const cases = [
      [fake(), 0],
      [fake({ tests: [{ name: "t", status: "failed" }] }), 1],
      [fake({ vitest: null }), 3],
    ] as const;
    for (const [deps, expected] of cases) {
      const captured = captureIo({}, dir);
      expect(await runMock({ kind: "mock", reportDir: dir }, captured, deps)).toBe(expected);
      expect(captured.out.at(-1)!.trim()).toMatch(
        {
          0: /^contract holds: \d+ tests passed, 0 failed$/,
          1: /^contract BROKEN.*: \d+ tests passed, \d+ failed$/,
          3: /^contract COULD NOT BE CHECKED: \d+ tests passed, \d+ failed$/,
        }[expected],
      );
      if (expected === 3)
        expect(captured.err.join("\n")).toMatch(
          /could not check \(exit 3, not a verdict on the contract\): .*wrote no results/,
        );
    }
  });

  it("--report-dir takes the reports, and GITHUB_STEP_SUMMARY gets the summary", async () => {
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "");
    const captured = captureIo({ GITHUB_STEP_SUMMARY: summary }, dir);
    await runMock({ kind: "mock", reportDir: "out" }, captured, fake());
    expect(captured.out.join("\n")).toContain(join(dir, "out", "contract-mock.json"));
    expect(readFileSync(summary, "utf8")).toMatch(/^## ✅ Contract gate \(mock\) against prism, mock: PASSED/);
  });
});
