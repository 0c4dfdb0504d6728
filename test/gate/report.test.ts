// The report format shared by the mock and live runs, and its renderings: JUnit with real
// durations, the markdown step summary, ::error annotations, the terminal text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  appendExercised,
  appendViolation,
  fromTags,
  operationTag,
  readRecords,
  targetTag,
} from "../../contract-tests/lib/records.ts";
import { spec } from "../../contract-tests/lib/spec.ts";
import { buildCoverage, coveredOf } from "../../src/gate/report/coverage.ts";
import { annotation, annotations, MAX_ANNOTATIONS, stepSummary } from "../../src/gate/report/github.ts";
import { toJUnit } from "../../src/gate/report/junit.ts";
import { type ContractReport, type Finding, REPORT_FORMAT } from "../../src/gate/report/model.ts";
import { publishReport } from "../../src/gate/report/publish.ts";
import { formatReport } from "../../src/gate/report/text.ts";

const R = "createRecipientInvitation";

const violation: Finding = {
  target: "prism",
  operationId: R,
  case: "seed 1001",
  status: 200,
  path: "/entity/name",
  message: "/entity/name must have required property 'name'",
  location: { file: "spec/leadconduit.yaml", line: 317, pointer: "/components/schemas/Entity/required" },
};

function report(extra: Partial<ContractReport> = {}): ContractReport {
  const exercised = spec.operations.flatMap((op) => [
    { target: "prism", operationId: op.operationId, status: 200, mode: "static", documented: true, case: "x" },
    { target: "prism", operationId: op.operationId, status: 401, mode: "negative", documented: true, case: "y" },
  ]);
  return {
    format: REPORT_FORMAT,
    mode: "mock",
    ok: true,
    startedAt: "2026-11-26T12:00:00.000Z",
    durationMs: 4200,
    spec: {
      file: "spec/leadconduit.yaml",
      version: "1.1.0",
      operations: spec.operations.map((o) => ({ operationId: o.operationId, method: o.method, path: o.path })),
    },
    targets: [{ name: "prism" }],
    steps: [
      { name: "lint spec", ok: true, ms: 1000 },
      { name: "contract tests (Prism)", ok: true, ms: 3000 },
    ],
    coverage: buildCoverage(spec, exercised, {
      targets: ["prism"],
      modeOrder: ["static", "generated", "negative", "client"],
    }),
    cases: [
      { target: "prism", operationId: R, name: "a slow test", status: "passed", ms: 1234 },
      {
        target: "prism",
        operationId: R,
        name: "a failing test",
        status: "failed",
        ms: 7,
        failures: ["expected 1 to be 2"],
      },
      { target: "prism", name: "untagged", status: "skipped", ms: 0 },
    ],
    violations: [],
    findings: [],
    ...extra,
  };
}

describe("coverage", () => {
  it("lists every documented pair, then what was seen undocumented, one column group per target", () => {
    const exercised = [
      { target: "prism", operationId: R, status: 200, mode: "static", documented: true, case: "a" },
      { target: "prism", operationId: R, status: 401, mode: "static", documented: true, case: "a2" },
      { target: "mock", operationId: R, status: 200, mode: "client", documented: true, case: "b" },
      { target: "mock", operationId: R, status: 422, mode: "negative", documented: false, case: "c" },
    ];
    const coverage = buildCoverage(spec, exercised, { targets: ["prism"], modeOrder: ["static", "client"] });
    expect(coverage.targets).toEqual(["prism", "mock"]);
    expect(coverage.rows.filter((r) => r.documented)).toHaveLength(
      spec.operations.reduce((n, op) => n + op.responses.length, 0),
    );
    expect(coverage.rows.at(-1)).toMatchObject({
      operationId: R,
      status: 422,
      documented: false,
      counts: { mock: { negative: 1 }, prism: { static: 0 } },
    });
    expect(coverage.missing).toContainEqual({ target: "mock", operationId: R, status: 401 });
    expect(coverage.missing).not.toContainEqual(
      expect.objectContaining({ target: "prism", operationId: R, status: 200 }),
    );
    expect(coveredOf(coverage, "prism")).toEqual({
      covered: 2,
      documented: spec.operations.reduce((n, op) => n + op.responses.length, 0),
    });
    const text = formatReport(report({ coverage, targets: [{ name: "prism" }, { name: "mock" }] }));
    expect(text).toMatch(/prism ─+\s+mock ─+/);
    expect(text).toContain("NOT EXERCISED (mock)");
  });

  it("gives each target the columns of its own modes, and says which modes do not apply to a target and why", () => {
    const exercised = [
      { target: "prism", operationId: R, status: 200, mode: "generated", documented: true, case: "seed 1" },
      { target: "mock", operationId: R, status: 200, mode: "static", documented: true, case: "a" },
    ];
    const orders: Record<string, string[]> = { prism: ["static", "generated"], mock: ["static"] };
    const coverage = buildCoverage(spec, exercised, { targets: ["prism", "mock"], modeOrder: (t) => orders[t]! });
    expect(coverage.modes).toEqual({ prism: ["static", "generated"], mock: ["static"] });
    expect(coverage.rows[0]!.counts).toEqual({ prism: { static: 0, generated: 1 }, mock: { static: 1 } });
    const targets = [
      { name: "prism" },
      { name: "mock", notApplicable: [{ mode: "generated", reason: "no dynamic answers" }] },
    ];
    const both = report({ coverage, targets });
    expect(formatReport(both)).toContain("  mock: generated cases do not apply: no dynamic answers");
    expect(stepSummary(both)).toContain("- mock: generated cases do not apply: no dynamic answers");
    expect(stepSummary(both)).toMatch(/\| operation \| status \| documented \| prism \| mock \| result \|/);
  });

  it("records are read back by kind; tags name the operation and the target", () => {
    const dir = mkdtempSync(join(tmpdir(), "records-"));
    try {
      const file = join(dir, "r.jsonl");
      appendExercised(file, {
        target: "prism",
        operationId: R,
        status: 200,
        mode: "static",
        documented: true,
        case: "a",
      });
      appendViolation(file, { target: "prism", operationId: R, status: 200, case: "b", message: "m", path: "/x" });
      const { exercised, violations } = readRecords(file);
      expect(exercised).toEqual([
        { target: "prism", operationId: R, status: 200, mode: "static", documented: true, case: "a" },
      ]);
      expect(violations).toEqual([
        { kind: "violation", target: "prism", operationId: R, status: 200, case: "b", message: "m", path: "/x" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(fromTags([operationTag(R), targetTag("mock"), "other"])).toEqual({ operationId: R, target: "mock" });
    // a test that merely mentions an operation in its name is not about it
    expect(fromTags([])).toEqual({});
  });
});

describe("JUnit", () => {
  it("is well-formed, one suite per (target, operation), with each test's real duration", () => {
    const xml = toJUnit(report());
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    expect(parsed.testsuites).toMatchObject({ tests: "3", failures: "1", skipped: "1", time: "4.200" });
    const suites = [parsed.testsuites.testsuite].flat();
    expect(suites.map((s: { name: string }) => s.name)).toEqual([`prism ${R}`, "prism (no operation)"]);
    const cases = [suites[0].testcase].flat();
    expect(cases[0]).toMatchObject({ name: "a slow test", time: "1.234", classname: `prism.${R}` });
    expect(cases[1].failure).toMatchObject({ message: "expected 1 to be 2" });
    expect([suites[1].testcase].flat()[0]).toHaveProperty("skipped");
  });

  it("puts a live check's violations in its failure", () => {
    const live = report({
      mode: "live",
      cases: [{ target: "live", operationId: R, name: "valid-call", status: "failed", ms: 12, httpStatus: 200 }],
      violations: [{ ...violation, target: "live", case: "valid-call" }],
    });
    const xml = toJUnit(live);
    expect(xml).toContain('type="violation"');
    expect(xml).toContain("[200 /entity/name] /entity/name must have required property");
    expect(xml).toContain('time="0.012"');
  });
});

describe("step summary", () => {
  it("has the steps with times, the coverage, the results per operation and each violation with operation, status and JSON path", () => {
    const md = stepSummary(report({ ok: false, violations: [violation] }));
    expect(md).toMatch(/^## ❌ Contract gate \(mock\) against prism: FAILED/);
    expect(md).toContain("### Steps");
    expect(md).toMatch(/\| lint spec \| ✅ passed \| 1\.0 s \|/);
    expect(md).toContain("### Coverage");
    expect(md).toMatch(/\| createRecipientInvitation \| 200 \| yes \| static 1 \| pass \|/);
    expect(md).toContain(`| ${R} | POST /invitations/recipient | prism | 1 | 1 | 1.2 s |`);
    expect(md).toContain("### Violations (1)");
    expect(md).toContain(
      `| ${R} | prism | seed 1001 | 200 | \`/entity/name\` | /entity/name must have required property 'name' | spec/leadconduit.yaml:317 |`,
    );
    expect(md).toContain("### Failed tests (1)");
  });

  it("escapes what a server said: no table break, no HTML", () => {
    const md = stepSummary(report({ violations: [{ ...violation, message: "a | b <script>x</script>\nline" }] }));
    expect(md).toContain("a \\| b &lt;script&gt;x&lt;/script&gt;<br>line");
  });

  it("includes the spec:diff verdict and its changes under headings named after their verdicts", () => {
    const change = (verdict: "breaking" | "additive" | "editorial", ruleId: string, message: string) => ({
      verdict,
      side: "request" as const,
      ruleId,
      message,
      pointer: "/paths/~1x/post",
      operations: ["POST /x"],
      location: "spec/leadconduit.yaml:3",
    });
    const specDiff = {
      base: "merge-base with main (abc1234)",
      revision: "spec/leadconduit.yaml",
      ok: false,
      breaking: 1,
      additive: 1,
      editorial: 0,
      majorBump: false,
      baseVersion: "1.1.0",
      revisionVersion: "1.2.0",
      changes: [
        change("breaking", "operation-removed", "`POST /x`: operation removed"),
        change("additive", "operation-added", "`POST /y`: new operation"),
      ],
    };
    const md = stepSummary(report({ specDiff }));
    expect(md).toContain("### Spec change (spec:diff): ❌ BREAKING without a major version bump");
    expect(md).toContain("`spec/leadconduit.yaml` since merge-base with main (abc1234), info.version 1.1.0 → 1.2.0");
    expect(md).toContain("1 breaking, 1 additive, 0 editorial");
    const breaking = md.indexOf("#### Breaking (1)");
    const additive = md.indexOf("#### Additive (1)");
    expect(breaking).toBeGreaterThan(0);
    expect(additive).toBeGreaterThan(breaking);
    expect(md).not.toContain("#### Editorial");
    expect(md.slice(breaking, additive)).toContain(
      "| `operation-removed` | request | POST /x | spec/leadconduit.yaml:3 |",
    );
    expect(md.slice(additive)).toContain("`operation-added`");
    expect(md.slice(breaking, additive)).not.toContain("operation-added");
  });
});

describe("annotations", () => {
  it("point at the file and line of the broken schema, escaped as GitHub requires", () => {
    expect(annotation(violation)).toBe(
      "::error file=spec/leadconduit.yaml,line=317,title=Contract violation%3A createRecipientInvitation 200 /entity/name::prism seed 1001: /entity/name must have required property 'name'",
    );
    const odd = annotation({
      ...violation,
      location: { pointer: "/components/schemas/Entity/required" },
      message: "100% wrong\nsecond, line",
    });
    expect(odd).not.toContain("file=");
    expect(odd).toContain("100%25 wrong%0Asecond, line (schema #/components/schemas/Entity/required)");
  });

  it(`stop after ${MAX_ANNOTATIONS} with one notice for the rest`, () => {
    const lines = annotations(report({ violations: Array.from({ length: 13 }, () => violation) }));
    expect(lines).toHaveLength(MAX_ANNOTATIONS + 1);
    expect(lines.at(-1)).toMatch(/^::notice .*3 more violations/);
  });
});

describe("publishReport", () => {
  it("writes contract-<mode>.json and .junit.xml, appends to the step summary only when asked, and redacts the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "publish-"));
    try {
      const summary = join(dir, "summary.md");
      writeFileSync(summary, "before\n");
      const secret = "SECRET-KEY-123";
      const logged: string[] = [];
      const leaky = report({ ok: false, violations: [{ ...violation, message: `echoed ${secret}` }] });
      const files = publishReport(leaky, {
        reportDir: join(dir, "r"),
        env: { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "true" },
        log: (l) => logged.push(l),
        secrets: [secret],
      });
      expect(files.json).toMatch(/contract-mock\.json$/);
      const all = [
        readFileSync(files.json, "utf8"),
        readFileSync(files.junit, "utf8"),
        readFileSync(summary, "utf8"),
        logged.join("\n"),
      ];
      for (const text of all) expect(text).not.toContain(secret);
      expect(readFileSync(summary, "utf8")).toMatch(/^before\n## ❌ Contract gate/);
      expect(logged[0]).toMatch(/^::error file=spec\/leadconduit\.yaml,line=317/);
      const quiet: string[] = [];
      publishReport(report(), { reportDir: join(dir, "q"), env: {}, log: (l) => quiet.push(l) });
      expect(quiet).toEqual([]);
      expect(JSON.parse(readFileSync(join(dir, "q", "contract-mock.json"), "utf8")).format).toBe(REPORT_FORMAT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
