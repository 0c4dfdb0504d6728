// How a diff reads: as `npm run spec:diff` prints it (changes grouped under headings named after
// their verdict) and as the gate's report section (SpecDiffSection, one record per change).
import type { SpecChangeRecord, SpecDiffSection } from "../../../src/gate/report/model.ts";
import type { Change } from "./changes.ts";
import { VERDICTS, type Verdict } from "./rules.ts";

export interface SpecDiffResult {
  /** no breaking change, or one released with a new major of info.version */
  ok: boolean;
  baseVersion?: string;
  revisionVersion?: string;
  /** info.version went up a semver major, which allows breaking changes */
  majorBump: boolean;
  counts: Record<Verdict, number>;
  /** every change, breaking first */
  changes: Change[];
  /** how long the diff took, in-process */
  ms: number;
}

/** What the two sides are: `merge-base with main (abc1234)` or a file; the spec file compared. */
export interface DiffLabels {
  base: string;
  revision: string;
  /** how a line of the base is named: `merge-base with main (abc1234):spec/leadconduit.yaml` (the default), a file */
  baseFile?: string;
}

const HEADINGS: Record<Verdict, string> = { breaking: "Breaking", additive: "Additive", editorial: "Editorial" };
const MARKS: Record<Verdict, string> = { breaking: "✖", additive: "+", editorial: "·" };

const countsText = (counts: Record<Verdict, number>): string => VERDICTS.map((v) => `${counts[v]} ${v}`).join(", ");

/** file:line of a change: the revision's file, or the base's (named by its label) for removals. */
function locationOf(change: Change, labels: DiffLabels): string | undefined {
  if (change.line === undefined) return undefined;
  return change.in === "base"
    ? `${labels.base}:${labels.revision}:${change.line}`
    : `${labels.revision}:${change.line}`;
}

export function formatSpecDiff(result: SpecDiffResult, labels: DiffLabels): string {
  const versions = `info.version ${result.baseVersion ?? "(none)"} → ${result.revisionVersion ?? "(none)"}`;
  const lines = [
    `spec:diff ${labels.revision}: ${labels.base} → as it is now`,
    `  ${versions} · ${countsText(result.counts)} (${result.ms} ms, in-process)`,
  ];
  for (const verdict of VERDICTS) {
    const changes = result.changes.filter((c) => c.verdict === verdict);
    if (!changes.length) continue;
    lines.push("", `${HEADINGS[verdict]} (${changes.length})`);
    for (const c of changes) {
      const where = [c.operations.join(", "), locationOf(c, labels)].filter(Boolean).join(" · ");
      lines.push(`  ${MARKS[verdict]} ${c.message}`, `      ${c.rule} (${c.side})${where ? ` · ${where}` : ""}`);
    }
  }
  if (!result.changes.length) lines.push("", "No change a client can see (the text differs: formatting or comments).");
  lines.push("", verdictLine(result));
  return lines.join("\n");
}

function verdictLine(result: SpecDiffResult): string {
  const n = result.counts.breaking;
  if (n === 0) return "No breaking change.";
  if (result.majorBump)
    return `Allowed: info.version went from ${result.baseVersion} to ${result.revisionVersion}, a major bump.`;
  return (
    `FAILED: ${n} breaking change${n === 1 ? " needs" : "s need"} a major bump of info.version ` +
    `(${result.baseVersion ?? "none"} → ${result.revisionVersion ?? "none"} is not one). ` +
    `Undo ${n === 1 ? "it" : "them"}, or release ${n === 1 ? "it" : "them"} as a new major version.`
  );
}

export function sectionOf(result: SpecDiffResult, labels: DiffLabels): SpecDiffSection {
  return {
    base: labels.base,
    revision: labels.revision,
    ok: result.ok,
    ...result.counts,
    majorBump: result.majorBump,
    ...(result.baseVersion ? { baseVersion: result.baseVersion } : {}),
    ...(result.revisionVersion ? { revisionVersion: result.revisionVersion } : {}),
    changes: result.changes.map((c): SpecChangeRecord => {
      const location = locationOf(c, labels);
      return {
        verdict: c.verdict,
        side: c.side,
        ruleId: c.rule,
        message: c.message,
        pointer: c.pointer,
        operations: c.operations,
        ...(location ? { location } : {}),
      };
    }),
  };
}
