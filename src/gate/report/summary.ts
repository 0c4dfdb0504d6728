// Derived views of a report that the text, markdown and JUnit renderings share.
import { coveredOf, total } from "./coverage.ts";
import type { CaseRecord, ContractReport, CoverageRow } from "./model.ts";

export interface OperationTally {
  target: string;
  operationId: string;
  passed: number;
  failed: number;
  skipped: number;
  unchecked: number;
  ms: number;
}

/** Test cases per (target, operation), by explicit tag; untagged cases under "(no operation)". */
export function tallyCases(cases: CaseRecord[]): OperationTally[] {
  const tallies = new Map<string, OperationTally>();
  for (const c of cases) {
    const operationId = c.operationId ?? NO_OPERATION;
    const key = `${c.target}\u0000${operationId}`;
    const t = tallies.get(key) ?? {
      target: c.target,
      operationId,
      passed: 0,
      failed: 0,
      skipped: 0,
      unchecked: 0,
      ms: 0,
    };
    t[c.status]++;
    t.ms += c.ms;
    tallies.set(key, t);
  }
  return [...tallies.values()];
}

export const NO_OPERATION = "(no operation)";

/** The verdict of one coverage row, in words; in a run that could not check, a gap is not the suite's. */
export function rowResult(row: CoverageRow, targets: string[], unchecked = false): string {
  if (!row.documented) {
    return row.status >= 400 && row.status < 500 ? "refused (status not in spec)" : "NOT IN SPEC";
  }
  const missing = targets.filter((t) => total(row, t) === 0);
  if (missing.length === 0) return "pass";
  if (unchecked) return "not checked";
  return targets.length > 1 ? `NOT EXERCISED (${missing.join(", ")})` : "NOT EXERCISED";
}

/** "6/6 documented (operation, status) pairs exercised on prism (100%)", one per target. */
export function coverageLines(report: ContractReport): string[] {
  return report.coverage.targets.map((target) => {
    const { covered, documented } = coveredOf(report.coverage, target);
    const pct = documented ? Math.round((100 * covered) / documented) : 100;
    return `${covered}/${documented} documented (operation, status) pairs exercised on ${target} (${pct}%)`;
  });
}

/** "mock: generated cases do not apply: the mock makes no …", one per mode a target skips. */
export function notApplicableLines(report: ContractReport): string[] {
  return report.targets.flatMap((t) =>
    (t.notApplicable ?? []).map((n) => `${t.name}: ${n.mode} cases do not apply: ${n.reason}`),
  );
}

export function headline(report: ContractReport): string {
  const against = report.targets.map((t) => (t.url && t.url !== t.name ? `${t.name} (${t.url})` : t.name)).join(", ");
  const only = report.operations ? ` (only ${report.operations.join(", ")})` : "";
  return `Contract gate (${report.mode}) against ${against}${only}: ${verdict(report)}`;
}

/** The run's verdict in one word; "could not check" is never a failure of the contract. */
export function verdict(report: ContractReport): "PASSED" | "FAILED" | "COULD NOT CHECK" {
  return report.unchecked ? "COULD NOT CHECK" : report.ok ? "PASSED" : "FAILED";
}

/** "could not check: no answer within 10000 ms (--timeout), at POST https://… (createRecipientInvitation valid-call)" */
export function uncheckedLine(report: ContractReport): string | undefined {
  const u = report.unchecked;
  if (!u) return undefined;
  const which = [u.operationId, u.case].filter(Boolean).join(" ");
  const at = u.request ? `, at ${u.request}${which ? ` (${which})` : ""}` : which ? ` (${which})` : "";
  return `could not check: ${u.cause}${at}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Where a finding's schema is, as `file:line` or the pointer alone. */
export function whereInSpec(location: { file?: string; line?: number; pointer: string } | undefined): string {
  if (!location) return "";
  return location.file && location.line ? `${location.file}:${location.line}` : `#${location.pointer}`;
}
