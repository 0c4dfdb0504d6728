// The coverage table: every documented (operation, status) pair of the spec, then every
// undocumented pair that was seen, with how often each target exercised it in each mode.
// One column group per target, each with the modes that apply to it (in the given order). A run
// limited to some operations (`--operation`) answers for their pairs only.
import type { Spec } from "../spec-model.ts";
import type { Coverage, CoverageRow, Exercised } from "./model.ts";

export function buildCoverage(
  spec: Spec,
  exercised: Exercised[],
  options: {
    targets: string[];
    modeOrder?: readonly string[] | ((target: string) => readonly string[]);
    /** only these operations' pairs; default every operation of the spec */
    operations?: readonly string[];
  },
): Coverage {
  const chosen = (operationId: string) => !options.operations || options.operations.includes(operationId);
  const targets = [...new Set([...options.targets, ...exercised.map((e) => e.target)])];
  const orderOf = (t: string) =>
    typeof options.modeOrder === "function" ? options.modeOrder(t) : (options.modeOrder ?? []);
  const modes = Object.fromEntries(
    targets.map((t) => [
      t,
      modesOf(
        exercised.filter((e) => e.target === t),
        orderOf(t),
      ),
    ]),
  );
  const documented = spec.operations
    .filter((op) => chosen(op.operationId))
    .flatMap((op) =>
      op.responses
        .filter((r) => /^\d{3}$/.test(r.status))
        .map((r) => ({ operationId: op.operationId, status: Number(r.status), documented: true })),
    );
  const key = (p: { operationId: string; status: number }) => `${p.operationId} ${p.status}`;
  const known = new Set(documented.map(key));
  const undocumented = [
    ...new Map(
      exercised
        .filter((e) => chosen(e.operationId) && !known.has(key(e)))
        .map((e) => [key(e), { operationId: e.operationId, status: e.status, documented: false }]),
    ).values(),
  ].sort((a, b) => a.operationId.localeCompare(b.operationId) || a.status - b.status);
  const rows: CoverageRow[] = [...documented, ...undocumented].map((pair) => ({
    ...pair,
    counts: Object.fromEntries(
      targets.map((t) => [t, countModes(exercised, t, pair.operationId, pair.status, modes[t]!)]),
    ),
  }));
  const missing = rows.flatMap((row) =>
    row.documented
      ? targets
          .filter((t) => total(row, t) === 0)
          .map((target) => ({ target, operationId: row.operationId, status: row.status }))
      : [],
  );
  return { targets, modes, rows, missing };
}

/** How many times a target exercised a row, over all modes. */
export function total(row: CoverageRow, target: string): number {
  return Object.values(row.counts[target] ?? {}).reduce((a, b) => a + b, 0);
}

/** Documented pairs a target exercised, out of all documented pairs. */
export function coveredOf(coverage: Coverage, target: string): { covered: number; documented: number } {
  const documented = coverage.rows.filter((r) => r.documented);
  return { covered: documented.filter((r) => total(r, target) > 0).length, documented: documented.length };
}

function modesOf(records: Exercised[], order: readonly string[]): string[] {
  const found = [...new Set(records.map((r) => r.mode))];
  return [...order, ...found.filter((m) => !order.includes(m))];
}

function countModes(exercised: Exercised[], target: string, operationId: string, status: number, modes: string[]) {
  const hits = exercised.filter((e) => e.target === target && e.operationId === operationId && e.status === status);
  return Object.fromEntries(modes.map((m) => [m, hits.filter((h) => h.mode === m).length]));
}
