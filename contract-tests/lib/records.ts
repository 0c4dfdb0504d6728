// What the contract tests saw, as records the gate reads back: which (operation, status)
// pairs were exercised against which target in which mode, each response that broke the spec,
// and what became of each target process (started, or exited before the run stopped it). The tests append one JSON line per record (vitest workers run in parallel, so
// appends, not a shared object); scripts/lib/contract/mock-gate.ts reads them for its report.
//
// Tests say which operation they are about with an explicit vitest tag (`operationTag`),
// declared for every operation of the spec in vitest.config.ts; the gate counts test results
// per operation by that tag, never by the text of a test's name.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Exercised } from "../../src/gate/report/model.ts";

export type { Exercised };

export const MODES = ["static", "generated", "negative", "client"] as const;
export type Mode = (typeof MODES)[number];

export interface RecordedViolation {
  kind: "violation";
  target: string;
  operationId: string;
  status: number;
  case: string;
  /** JSON path in the response body, `/` for the whole body */
  path?: string;
  message: string;
  /** JSON pointer of the broken schema keyword in the spec document */
  pointer?: string;
}

/** A target process of the run: started (with its pid), or exited before the run stopped it. */
export interface TargetEvent {
  kind: "target";
  target: string;
  event: "started" | "crashed";
  /** the process, when the target is one (Prism); the mock runs in the run's own process */
  pid?: number;
  url?: string;
  /** how it ended and what it printed last (crashed) */
  cause?: string;
}

type Line = (Exercised & { kind?: "exercised" }) | RecordedViolation | TargetEvent;

const OPERATION_TAG_PREFIX = "operation:";
const TARGET_TAG_PREFIX = "target:";

/** The vitest tag that says a test is about an operation of the spec. */
export const operationTag = (operationId: string): string => `${OPERATION_TAG_PREFIX}${operationId}`;

/** The vitest tag that says a test runs against a target. */
export const targetTag = (target: string): string => `${TARGET_TAG_PREFIX}${target}`;

/** The operation and target a test's tags name, if any. */
export function fromTags(tags: readonly string[]): { operationId?: string; target?: string } {
  const operationId = tags.find((t) => t.startsWith(OPERATION_TAG_PREFIX))?.slice(OPERATION_TAG_PREFIX.length);
  const target = tags.find((t) => t.startsWith(TARGET_TAG_PREFIX))?.slice(TARGET_TAG_PREFIX.length);
  return { ...(operationId ? { operationId } : {}), ...(target ? { target } : {}) };
}

export function appendExercised(file: string, entry: Exercised): void {
  appendLine(file, entry);
}

export function appendViolation(file: string, entry: Omit<RecordedViolation, "kind">): void {
  appendLine(file, { kind: "violation", ...entry });
}

export function appendTargetEvent(file: string, entry: Omit<TargetEvent, "kind">): void {
  appendLine(file, { kind: "target", ...entry });
}

function appendLine(file: string, line: Line): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

export function readRecords(file: string): {
  exercised: Exercised[];
  violations: RecordedViolation[];
  targets: TargetEvent[];
} {
  const lines = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Line)
    : [];
  return {
    exercised: lines
      .filter((l): l is Exercised => l.kind === undefined || l.kind === "exercised")
      .map(({ kind: _kind, ...e }: Line) => e as Exercised),
    violations: lines.filter((l): l is RecordedViolation => l.kind === "violation"),
    targets: lines.filter((l): l is TargetEvent => l.kind === "target"),
  };
}
