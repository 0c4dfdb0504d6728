// A report as JUnit XML for CI test views: one <testsuite> per (target, operation), one
// <testcase> per test or live probe with its real duration, failures with their messages. What
// could not be checked is an <error> (JUnit's "could not run"), never a <failure> of the contract.
import type { CaseRecord, ContractReport, Finding } from "./model.ts";
import { NO_OPERATION } from "./summary.ts";

export function toJUnit(report: ContractReport): string {
  const groups = new Map<string, CaseRecord[]>();
  for (const c of report.cases) {
    const key = `${c.target} ${c.operationId ?? NO_OPERATION}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const suites = [...groups.entries()].map(([name, cases]) => suite(report, name, cases));
  const { failures, errors, skipped } = tally(report.cases);
  const name = `leadconduit-contract (${report.mode})`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${xml(name)}" tests="${report.cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${secs(report.durationMs)}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}

function tally(cases: CaseRecord[]) {
  const of = (status: CaseRecord["status"]) => cases.filter((c) => c.status === status).length;
  return { failures: of("failed"), errors: of("unchecked"), skipped: of("skipped") };
}

function suite(report: ContractReport, name: string, cases: CaseRecord[]): string {
  const { failures, errors, skipped } = tally(cases);
  const ms = cases.reduce((sum, c) => sum + c.ms, 0);
  return [
    `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" ` +
      `timestamp="${xml(report.startedAt)}" time="${secs(ms)}">`,
    `    <properties>`,
    `      <property name="target" value="${xml(cases[0]!.target)}"/>`,
    ...report.targets
      .filter((t) => t.name === cases[0]!.target && t.url)
      .map((t) => `      <property name="url" value="${xml(t.url!)}"/>`),
    `    </properties>`,
    ...cases.map((c) => testcase(c, violationsOf(report, c))),
    `  </testsuite>`,
  ].join("\n");
}

function violationsOf(report: ContractReport, c: CaseRecord): Finding[] {
  if (report.mode !== "live") return [];
  return report.violations.filter((v) => v.target === c.target && v.operationId === c.operationId && v.case === c.name);
}

function testcase(c: CaseRecord, violations: Finding[]): string {
  const open = `    <testcase classname="${xml(`${c.target}.${c.operationId ?? NO_OPERATION}`)}" name="${xml(c.name)}" time="${secs(c.ms)}"${c.file ? ` file="${xml(c.file)}"` : ""}`;
  if (c.status === "passed") return `${open}/>`;
  if (c.status === "skipped")
    return `${open}>\n      <skipped${c.note ? ` message="${xml(c.note)}"` : ""}/>\n    </testcase>`;
  if (c.status === "unchecked") {
    const message = `could not check: ${c.note ?? "no answer"}`;
    return `${open}>\n      <error type="unchecked" message="${xml(message)}">${xml(message)}</error>\n    </testcase>`;
  }
  const messages = violations.length ? violations.map(describe) : (c.failures ?? ["failed"]);
  return [
    `${open}>`,
    `      <failure type="${violations.length ? "violation" : "failure"}" message="${xml(messages[0]!)}">${xml(messages.join("\n"))}</failure>`,
    `    </testcase>`,
  ].join("\n");
}

function describe(f: Finding): string {
  const where = [f.status === undefined ? "" : String(f.status), f.path ?? ""].filter(Boolean).join(" ");
  return `${where ? `[${where}] ` : ""}${f.message}`;
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

// XML 1.0 cannot carry most control characters even escaped; a server's body may contain them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the XML 1.0 Char production is a list of code points
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
