// A report in GitHub Actions' own terms: markdown for $GITHUB_STEP_SUMMARY, and `::error`
// workflow commands that annotate the line of the broken schema in the spec.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import { markdownTable } from "../table.ts";
import { total } from "./coverage.ts";
import type { ContractReport, Finding, SpecDiffSection, StepRecord } from "./model.ts";
import { count } from "./model.ts";
import {
  coverageLines,
  headline,
  notApplicableLines,
  rowResult,
  seconds,
  tallyCases,
  uncheckedLine,
  verdict,
  whereInSpec,
} from "./summary.ts";

/** GitHub shows at most 10 error annotations per step; the rest are in the summary. */
export const MAX_ANNOTATIONS = 10;

const ICONS = { PASSED: "✅", FAILED: "❌", "COULD NOT CHECK": "⚠️" } as const;

export function stepSummary(report: ContractReport): string {
  const { spec } = report;
  const unchecked = uncheckedLine(report);
  const parts = [
    `## ${ICONS[verdict(report)]} ${headline(report)}`,
    "",
    `${spec.file}${spec.version ? ` ${spec.version}` : ""} · ${count(spec.operations.length, "operation")} · ` +
      `${count(report.cases.length, report.mode === "live" ? "check" : "test")} · ${seconds(report.durationMs)}`,
  ];
  if (unchecked)
    parts.push(
      "",
      `> **Exit 3, ${unchecked}.** This is not a verdict on the contract: nothing after it was checked; run the gate again once the target answers.`,
    );
  if (report.steps.length) parts.push("", "### Steps", "", stepsTable(report));
  parts.push(
    "",
    "### Coverage",
    "",
    coverageTable(report),
    "",
    ...[...coverageLines(report), ...notApplicableLines(report)].map((l) => `- ${l}`),
  );
  parts.push("", "### Results per operation", "", operationsTable(report));
  if (report.violations.length)
    parts.push("", `### Violations (${report.violations.length})`, "", findingsTable(report.violations));
  const failed = report.cases.filter((c) => c.status === "failed");
  if (failed.length && report.mode === "mock") {
    const rows = failed.map((c) => [c.operationId ?? "", c.name, c.failures?.[0] ?? "failed"]);
    parts.push(
      "",
      `### Failed tests (${failed.length})`,
      "",
      markdownTable([{ title: "operation" }, { title: "test" }, { title: "first failure" }], rows),
    );
  }
  if (report.findings.length) parts.push("", "### Findings (do not fail the gate)", "", findingsTable(report.findings));
  if (report.specDiff) parts.push("", specDiffMarkdown(report.specDiff));
  return `${parts.join("\n")}\n`;
}

function stepsMarkdown(steps: StepRecord[], totalMs: number): string {
  const rows = steps.map((s) => [
    s.name,
    s.unchecked ? "⚠️ could not check" : s.ok ? "✅ passed" : "❌ failed",
    seconds(s.ms),
  ]);
  rows.push(["**total**", "", seconds(totalMs)]);
  return markdownTable([{ title: "step" }, { title: "result" }, { title: "time", align: "right" }], rows);
}

function stepsTable(report: ContractReport): string {
  return stepsMarkdown(report.steps, report.durationMs);
}

function coverageTable(report: ContractReport): string {
  const { targets, modes, rows } = report.coverage;
  const cells = rows.map((row) => [
    row.operationId,
    row.status,
    row.documented ? "yes" : "no",
    ...targets.map((t) => {
      const used = modes[t]!.filter((m) => (row.counts[t]?.[m] ?? 0) > 0);
      return total(row, t) === 0 ? "0" : used.map((m) => `${m} ${row.counts[t]![m]}`).join(" · ");
    }),
    rowResult(row, targets, report.unchecked !== undefined),
  ]);
  const columns = [
    { title: "operation" },
    { title: "status" },
    { title: "documented" },
    ...targets.map((t) => ({ title: t })),
    { title: "result" },
  ];
  return markdownTable(columns, cells);
}

function operationsTable(report: ContractReport): string {
  const ops = new Map(report.spec.operations.map((o) => [o.operationId, `${o.method} ${o.path}`]));
  const tallies = tallyCases(report.cases);
  // a column for what could not be checked only when something could not: it is never a failure
  const unchecked = tallies.some((t) => t.unchecked > 0);
  const rows = tallies.map((t) => [
    t.operationId,
    ops.get(t.operationId) ?? "",
    t.target,
    t.passed,
    t.failed,
    ...(unchecked ? [t.unchecked] : []),
    seconds(t.ms),
  ]);
  return markdownTable(
    [
      { title: "operation" },
      { title: "endpoint" },
      { title: "target" },
      { title: "passed", align: "right" },
      { title: "failed", align: "right" },
      ...(unchecked ? [{ title: "could not check", align: "right" as const }] : []),
      { title: "time", align: "right" },
    ],
    rows,
  );
}

function findingsTable(findings: Finding[]): string {
  const rows = findings.map((f) => [
    f.operationId,
    f.target,
    f.case,
    f.status ?? "",
    f.path ? code(f.path) : "",
    f.message,
    whereInSpec(f.location),
  ]);
  const columns = ["operation", "target", "check", "status", "JSON path", "message", "schema"].map((title) => ({
    title,
  }));
  return markdownTable(columns, rows);
}

const VERDICT_HEADINGS = [
  ["breaking", "Breaking"],
  ["additive", "Additive"],
  ["editorial", "Editorial"],
] as const;

function specDiffMarkdown(diff: SpecDiffSection): string {
  const verdict =
    diff.breaking === 0
      ? "no breaking change"
      : diff.ok
        ? "breaking, allowed by a major version bump"
        : "BREAKING without a major version bump";
  const lines = [
    `### Spec change (spec:diff): ${diff.ok ? "✅" : "❌"} ${verdict}`,
    "",
    `${code(diff.revision)} since ${diff.base}, info.version ${diff.baseVersion ?? "(none)"} → ` +
      `${diff.revisionVersion ?? "(none)"}: ${diff.breaking} breaking, ${diff.additive} additive, ${diff.editorial} editorial`,
  ];
  for (const [kind, heading] of VERDICT_HEADINGS) {
    const changes = diff.changes.filter((c) => c.verdict === kind);
    if (!changes.length) continue;
    const rows = changes.map((c) => [c.message, code(c.ruleId), c.side, c.operations.join(", "), c.location ?? ""]);
    const columns = ["change", "rule", "side", "operations", "where"].map((title) => ({ title }));
    lines.push("", `#### ${heading} (${changes.length})`, "", markdownTable(columns, rows));
  }
  return lines.join("\n");
}

/** `::error` lines for the violations; the first MAX_ANNOTATIONS, then one notice for the rest. */
export function annotations(report: ContractReport): string[] {
  const lines = report.violations.slice(0, MAX_ANNOTATIONS).map(annotation);
  const rest = report.violations.length - MAX_ANNOTATIONS;
  if (rest > 0)
    lines.push(
      `::notice title=${property("Contract gate")}::${data(`${count(rest, "more violation")} in the step summary and the report`)}`,
    );
  return lines;
}

export function annotation(f: Finding): string {
  const props = [
    ...(f.location?.file && f.location.line ? [`file=${property(f.location.file)}`, `line=${f.location.line}`] : []),
    `title=${property(`Contract violation: ${f.operationId}${f.status === undefined ? "" : ` ${f.status}`}${f.path ? ` ${f.path}` : ""}`)}`,
  ];
  const schema = f.location && !(f.location.file && f.location.line) ? ` (schema #${f.location.pointer})` : "";
  return `::error ${props.join(",")}::${data(`${f.target} ${f.case}: ${f.message}${schema}`)}`;
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function code(text: string): string {
  return text.includes("`") ? text : `\`${text}\``;
}
