// Which (operation, status) pairs the contract tests exercised, in which mode. The tests
// append one JSON line per pair (vitest workers run in parallel, so appends, not a shared
// object); scripts/contract.ts reads the lines back for its coverage table.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";

export const MODES = ["static", "generated", "negative", "client"] as const;
export type Mode = (typeof MODES)[number];

export interface Exercised {
  operationId: string;
  status: number;
  mode: Mode;
  /** the spec documents this status for this operation */
  documented: boolean;
  case: string;
}

export function appendExercised(file: string, entry: Exercised): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

export function readExercised(file: string): Exercised[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Exercised);
}
