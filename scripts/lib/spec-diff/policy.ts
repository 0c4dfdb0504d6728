// The policy table of docs/spec-changes.md, rendered from rules.ts: a block of the document that
// `npm run generate` writes (scripts/lib/docs/renderers.ts). Nobody keeps it in step by hand.
import { RULES, VERDICTS } from "./rules.ts";

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
