// The policy table of docs/spec-changes.md, rendered from rules.ts: the document holds it
// between two markers, `npm run spec:diff -- --write-policy` rewrites it, and a test fails when
// the two differ. Nobody keeps the table in step by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { inRoot } from "../paths.ts";
import { RULES, VERDICTS } from "./rules.ts";

export const POLICY_DOC = inRoot("docs", "spec-changes.md");
const BEGIN =
  "<!-- policy:begin: rendered from scripts/lib/spec-diff/rules.ts by `npm run spec:diff -- --write-policy` -->";
const END = "<!-- policy:end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function policyTable(): string {
  const tally = VERDICTS.map((v) => `${RULES.filter((r) => r.verdict === v).length} ${v}`).join(", ");
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.side} | ${r.verdict} | ${r.section} | ${cell(r.why)} |`);
  return [
    `${RULES.length} rules: ${tally}.`,
    "",
    "| rule | side | verdict | changelog | why |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** The table as the document holds it now, or undefined when its markers are missing. */
export function tableInDoc(text: string): string | undefined {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return text.slice(start + BEGIN.length, end).trim();
}

/** Rewrites the table between the markers; throws when the document has none. */
export function writePolicy(path = POLICY_DOC): void {
  const text = readFileSync(path, "utf8");
  if (tableInDoc(text) === undefined) throw new Error(`${path} has no ${BEGIN} … ${END} markers`);
  const start = text.indexOf(BEGIN) + BEGIN.length;
  writeFileSync(path, `${text.slice(0, start)}\n\n${policyTable()}\n\n${text.slice(text.indexOf(END))}`);
}
