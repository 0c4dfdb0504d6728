// A report as a person reads it in a terminal or a CI log.

import { textTable } from "../table.ts";
import { painter } from "../terminal.ts";
import type { ContractReport, Finding, StepRecord } from "./model.ts";
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

export function formatReport(report: ContractReport, colour = false): string {
  const paint = painter(colour);
  const mark = (ok: boolean) => (ok ? paint("green", "✓") : paint("red", "✘"));
  const lines = [
    `Contract report: ${report.spec.file} (${count(report.spec.operations.length, "operation")})`,
    formatCoverage(report),
    "",
  ];
  lines.push(...coverageLines(report).map((l) => `  coverage: ${l}`));
  lines.push(...notApplicableLines(report).map((l) => `  ${l}`));
  const unsure = paint("yellow", "!");
  for (const t of tallyCases(report.cases)) {
    const extra = `${t.skipped ? `, ${t.skipped} skipped` : ""}${t.unchecked ? `, ${t.unchecked} could not be checked` : ""}`;
    lines.push(
      `  ${t.unchecked ? unsure : t.passed + t.failed === 0 ? "-" : mark(t.failed === 0)} ${t.target} ${t.operationId}: ${t.passed} passed, ${t.failed} failed${extra}`,
    );
  }
  // what a run that stopped never reached is not a gap in the suite
  if (!report.unchecked)
    for (const m of report.coverage.missing) {
      lines.push(`  ${mark(false)} ${m.operationId} ${m.status} is documented but ${m.target} never exercised it`);
    }
  if (report.violations.length) {
    lines.push(
      "",
      `Violations (${report.violations.length}):`,
      ...report.violations.map((f) => `  ${paint("red", "✖")} ${describeFinding(f)}`),
    );
  }
  const failed = report.cases.filter((c) => c.status === "failed");
  if (failed.length && report.mode === "mock") {
    lines.push(
      "",
      `Failed tests (${failed.length}):`,
      ...failed.map((c) => `  ${mark(false)} ${c.name}: ${c.failures?.[0] ?? "failed"}`),
    );
  }
  if (report.findings.length) {
    lines.push("", "Findings (do not fail the gate):", ...report.findings.map((f) => `  • ${describeFinding(f)}`));
  }
  if (report.steps.length) lines.push("", formatSteps("Gate steps", report.steps, report.durationMs, colour));
  const unchecked = uncheckedLine(report);
  if (unchecked)
    lines.push("", `${unsure} ${unchecked}`, "  (exit 3: not a verdict on the contract; nothing after it was checked)");
  const marks = { PASSED: mark(true), FAILED: mark(false), "COULD NOT CHECK": unsure };
  lines.push("", `${marks[verdict(report)]} ${headline(report)}`);
  return lines.join("\n");
}

function formatCoverage(report: ContractReport): string {
  const { targets, modes, rows } = report.coverage;
  const columns = [
    { title: "operation" },
    { title: "status" },
    { title: "documented" },
    ...targets.flatMap((t) => modes[t]!.map((m) => ({ title: m, align: "right" as const }))),
    { title: "result" },
  ];
  const cells = rows.map((row) => [
    row.operationId,
    row.status,
    row.documented ? "yes" : "no",
    ...targets.flatMap((t) => modes[t]!.map((m) => row.counts[t]?.[m] ?? 0)),
    rowResult(row, targets, report.unchecked !== undefined),
  ]);
  const groups = [
    { title: "", span: 3 },
    ...targets.map((t) => ({ title: t, span: modes[t]!.length })),
    { title: "", span: 1 },
  ];
  return textTable(columns, cells, { indent: "  ", groups });
}

function formatSteps(title: string, steps: StepRecord[], totalMs: number, colour = false): string {
  const paint = painter(colour);
  const rows = steps.map((s) => [
    `${s.unchecked ? paint("yellow", "!") : s.ok ? paint("green", "✓") : paint("red", "✘")} ${s.name}`,
    seconds(s.ms),
  ]);
  rows.push([`  total`, seconds(totalMs)]);
  return `${title}\n${textTable([{ title: "step" }, { title: "time", align: "right" }], rows, { indent: "  " })}`;
}

function describeFinding(f: Finding): string {
  const where = [f.status === undefined ? "" : String(f.status), f.path ?? ""].filter(Boolean).join(" ");
  const schema = whereInSpec(f.location);
  return `${f.operationId} ${f.case}${where ? ` [${where}]` : ""}: ${f.message}${schema ? ` (schema: ${schema})` : ""}`;
}
