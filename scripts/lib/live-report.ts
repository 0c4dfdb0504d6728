// How a live gate report is shown: a short table for people, JSON and JUnit XML for CI.
// The report reaching here is already redacted by runLiveGate; these only lay it out.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding, LiveGateReport } from "./live-gate.ts";

export const REPORT_FILES = { json: "contract-live.json", junit: "contract-live.junit.xml" } as const;

export function formatLiveReport(report: LiveGateReport): string {
  if (report.dryRun) return formatDryRun(report);
  const violations = report.findings.filter((f) => f.severity === "violation");
  const findings = report.findings.filter((f) => f.severity === "finding");
  const lines = [
    `Live contract gate against ${report.target}: ${report.ok ? "PASSED" : "FAILED"} ` +
      `(${count(violations.length, "violation")}, ${count(findings.length, "finding")}, ${report.durationMs} ms)`,
    "",
  ];
  const rows = report.checks.map((c) => [
    c.operationId,
    c.name,
    c.status === undefined ? "-" : String(c.status),
    c.ok ? (c.findings.length ? "ok*" : "ok") : "FAIL",
  ]);
  lines.push(...table([["operation", "check", "status", "result"], ...rows]));
  if (violations.length) lines.push("", "Violations:", ...violations.map((f) => `  ✖ ${describe(f)}`));
  if (findings.length) lines.push("", "Findings (do not fail the gate):", ...findings.map((f) => `  • ${describe(f)}`));
  return lines.join("\n");
}

export function writeReports(report: LiveGateReport, dir: string): { json: string; junit: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, REPORT_FILES.json);
  const junit = join(dir, REPORT_FILES.junit);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(junit, toJUnit(report));
  return { json, junit };
}

export function toJUnit(report: LiveGateReport): string {
  const failures = report.checks.filter((c) => !c.ok).length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const cases = report.checks.map((c) => {
    const violations = c.findings.filter((f) => f.severity === "violation");
    const notes = c.findings.filter((f) => f.severity === "finding");
    const children = [
      violations.length
        ? `      <failure type="violation" message="${xml(violations.map((f) => f.message).join("; "))}">${xml(
            violations.map(describe).join("\n"),
          )}</failure>`
        : "",
      notes.length ? `      <system-out>${xml(notes.map(describe).join("\n"))}</system-out>` : "",
    ].filter(Boolean);
    const open = `    <testcase classname="${xml(c.operationId)}" name="${xml(c.name)}" time="0"`;
    return children.length ? `${open}>\n${children.join("\n")}\n    </testcase>` : `${open}/>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="contract-live" tests="${report.checks.length}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="contract-live" tests="${report.checks.length}" failures="${failures}" errors="0" skipped="0" ` +
      `timestamp="${xml(report.startedAt)}" time="${seconds}">`,
    `    <properties>`,
    `      <property name="target" value="${xml(report.target)}"/>`,
    `    </properties>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

function formatDryRun(report: LiveGateReport): string {
  const requests = report.requests ?? [];
  const lines = [`Dry run against ${report.target}: nothing was sent. A live run would send ${count(requests.length, "request")}:`];
  for (const r of requests) {
    lines.push("", `  ${r.method} ${r.url}   (${r.operationId}, ${r.check})`);
    for (const [name, value] of Object.entries(r.headers)) lines.push(`    ${name}: ${value}`);
    if (r.body !== undefined) lines.push(`    body: ${JSON.stringify(r.body)}`);
  }
  if (requests.some((r) => r.url.includes("{"))) {
    lines.push("", "A {placeholder} in a URL is filled in with the entity.id the first create call returns.");
  }
  return lines.join("\n");
}

function describe(f: Finding): string {
  const where = [f.status === undefined ? "" : String(f.status), f.path ?? ""].filter(Boolean).join(" ");
  return `${f.operationId} ${f.check}${where ? ` [${where}]` : ""}: ${f.message}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// XML 1.0 cannot carry most control characters even escaped; a server's body may contain them.
const NOT_XML_CHAR = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
