// Where a report goes: `contract-<mode>.json` and `contract-<mode>.junit.xml` in the report
// folder; in GitHub Actions also the step summary and `::error` annotations. Every text is
// passed through the redaction of the key once more on its way out.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redactText } from "../../client/redact.ts";
import { annotations, stepSummary } from "./github.ts";
import { toJUnit } from "./junit.ts";
import type { ContractReport, GateMode } from "./model.ts";

const reportFiles = (mode: GateMode) => ({ json: `contract-${mode}.json`, junit: `contract-${mode}.junit.xml` });

export interface PublishOptions {
  reportDir: string;
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  /** forms of the API key that must appear nowhere */
  secrets?: string[];
}

export function publishReport(report: ContractReport, options: PublishOptions): { json: string; junit: string } {
  const clean = (text: string) => (options.secrets?.length ? redactText(text, options.secrets) : text);
  const names = reportFiles(report.mode);
  mkdirSync(options.reportDir, { recursive: true });
  const json = join(options.reportDir, names.json);
  const junit = join(options.reportDir, names.junit);
  writeFileSync(json, clean(`${JSON.stringify(report, null, 2)}\n`));
  writeFileSync(junit, clean(toJUnit(report)));
  appendSummary(options.env, clean(stepSummary(report)));
  if (options.env.GITHUB_ACTIONS === "true") for (const line of annotations(report)) options.log(clean(line));
  return { json, junit };
}

/** Appends markdown to $GITHUB_STEP_SUMMARY when it is set. */
export function appendSummary(env: Record<string, string | undefined>, markdown: string): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith("\n") ? `${markdown}\n` : `${markdown}\n\n`);
}
