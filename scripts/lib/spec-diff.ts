// npm run spec:diff [-- --base REF | --base-file PATH]: the breaking-change gate. Compares
// spec/leadconduit.yaml (as it is on disk) with the spec at a base commit, or with another
// file, and fails when a change breaks existing clients without a major bump of info.version.
//
// Which change breaks what is decided in-process by the rules of scripts/lib/spec-diff/rules.ts
// (the policy: docs/spec-changes.md), judged the way a client of this package sees them; the
// diff runs in every `npm test` and `npm run contract`, in milliseconds, without a child process.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { SpecDiffSection } from "../../src/gate/report/model.ts";
import { fileAt, findBase, inRepository } from "./git.ts";
import { PATHS, ROOT } from "./paths.ts";
import { isObject, parseSpec, SpecDiffError, type SpecDocument } from "./spec-diff/document.ts";
import { diffSpecs } from "./spec-diff/engine.ts";
import { type DiffLabels, formatSpecDiff, type SpecDiffResult, sectionOf } from "./spec-diff/report.ts";
import { VERDICTS } from "./spec-diff/rules.ts";
import { parseVersion } from "./version.ts";

export type { DiffLabels, SpecDiffResult };

const EXIT = { ok: 0, breaking: 1, error: 2 } as const;

/** Two spec texts in, a verdict out: every change rated, and info.version weighed. */
export function judgeSpecs(
  base: { text: string; name: string },
  revision: { text: string; name: string },
): SpecDiffResult {
  const started = performance.now();
  const [before, after] = [parseSpec(base.text, base.name), parseSpec(revision.text, revision.name)];
  const changes = diffSpecs(before, after);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const versionOf = (doc: SpecDocument) => {
    const version = isObject(doc.root.info) ? doc.root.info.version : undefined;
    return typeof version === "string" ? version : undefined;
  };
  const [baseVersion, revisionVersion] = [versionOf(before), versionOf(after)];
  const majorBump = isMajorBump(baseVersion, revisionVersion);
  const counts = Object.fromEntries(
    VERDICTS.map((v) => [v, changes.filter((c) => c.verdict === v).length]),
  ) as SpecDiffResult["counts"];
  return {
    ok: counts.breaking === 0 || majorBump,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    ...(revisionVersion === undefined ? {} : { revisionVersion }),
    majorBump,
    counts,
    changes,
    ms,
  };
}

/** Two spec files; `labels` name them in messages (default: their paths). */
export function diffSpecFiles(
  basePath: string,
  revisionPath: string,
  labels: Partial<DiffLabels> = {},
): SpecDiffResult {
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8");
    } catch (e) {
      throw new SpecDiffError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  return judgeSpecs(
    { text: read(basePath), name: labels.base ?? basePath },
    { text: read(revisionPath), name: labels.revision ?? revisionPath },
  );
}

/** True when `revision`'s semver major is greater than `base`'s; unreadable versions are not a bump. */
export function isMajorBump(base: string | undefined, revision: string | undefined): boolean {
  const [from, to] = [parseVersion(base)?.core[0], parseVersion(revision)?.core[0]];
  return from !== undefined && to !== undefined && to > from;
}

/** What the spec:diff step found: nothing to compare with, no change, or a verdict. */
export type SpecDiffOutcome =
  | { kind: "skipped"; why: string }
  | { kind: "unchanged"; base: string }
  | { kind: "compared"; result: SpecDiffResult; labels: DiffLabels };

export interface SpecDiffOptions {
  /** the repository to read the base from; defaults to this project */
  repoDir?: string;
  /** the spec on disk; defaults to spec/leadconduit.yaml */
  specPath?: string;
  /** a git ref; defaults to SPEC_DIFF_BASE, then where HEAD left main, then HEAD with uncommitted spec edits, then HEAD~1 */
  base?: string;
  /** a spec file to compare with instead of a commit */
  baseFile?: string;
  /** where SPEC_DIFF_BASE is read; defaults to process.env */
  env?: Record<string, string | undefined>;
}

/** Compares the spec on disk with the spec at the base commit (or in `baseFile`). */
export async function runSpecDiff(options: SpecDiffOptions = {}): Promise<SpecDiffOutcome> {
  const { repoDir = ROOT, specPath = PATHS.spec, env = process.env } = options;
  const inRepo = await inRepository(repoDir, specPath);
  if (options.baseFile !== undefined) {
    const labels = { base: options.baseFile, revision: inRepo, baseFile: options.baseFile };
    return { kind: "compared", result: diffSpecFiles(options.baseFile, specPath, labels), labels };
  }
  // read here, not by the command line alone: both gates call this and CI sets it for them
  const fromEnv = options.base === undefined ? env.SPEC_DIFF_BASE?.trim() || undefined : undefined;
  const found = await findBase(repoDir, options.base ?? fromEnv, fromEnv ? "SPEC_DIFF_BASE" : "--base", inRepo);
  if ("none" in found) return { kind: "skipped", why: `nothing to compare with (${found.none})` };
  const content = await fileAt(repoDir, found.commit, inRepo);
  if (content === undefined)
    return { kind: "skipped", why: `${inRepo} does not exist at ${found.label}; nothing to compare with` };
  const current = readFileSync(specPath, "utf8");
  if (content === current) return { kind: "unchanged", base: `${found.label}` };
  const labels = { base: found.label, revision: inRepo };
  const result = judgeSpecs({ text: content, name: `${found.label}:${inRepo}` }, { text: current, name: inRepo });
  return { kind: "compared", result, labels };
}

/** The outcome in words, as `npm run spec:diff` prints it. */
export function describeOutcome(outcome: SpecDiffOutcome): string {
  if (outcome.kind === "skipped") return `spec:diff: ${outcome.why}; skipped.`;
  if (outcome.kind === "unchanged") return `spec:diff: the spec is unchanged since ${outcome.base}.`;
  return formatSpecDiff(outcome.result, outcome.labels);
}

/** The section of a gate report, when the spec changed. */
export function specDiffSection(outcome: SpecDiffOutcome): SpecDiffSection | undefined {
  return outcome.kind === "compared" ? sectionOf(outcome.result, outcome.labels) : undefined;
}

export interface SpecDiffMainOptions extends Omit<SpecDiffOptions, "base" | "baseFile"> {
  log?: (line: string) => void;
  error?: (line: string) => void;
}

const USAGE = `Usage: npm run spec:diff [-- --base REF | --base-file PATH]
Rates every change of the spec since REF (default: SPEC_DIFF_BASE, then where HEAD left main,
then on main HEAD while the spec has edits not committed yet, else HEAD~1) or since the spec in PATH: breaking, additive or editorial (docs/spec-changes.md).
Fails (exit 1) on a breaking change unless info.version got a major bump; exit 2 when it cannot run.`;

export async function specDiffMain(argv: string[], options: SpecDiffMainOptions = {}): Promise<number> {
  const { log = console.log, error = console.error } = options;
  let values: { base?: string; "base-file"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        base: { type: "string" },
        "base-file": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
    if (values.base !== undefined && values["base-file"] !== undefined)
      throw new Error("--base and --base-file cannot be used together");
  } catch (e) {
    error(`spec:diff: ${(e as Error).message}\n\n${USAGE}`);
    return EXIT.error;
  }
  if (values.help) {
    log(USAGE);
    return EXIT.ok;
  }
  try {
    const choice = {
      ...(values.base ? { base: values.base } : {}),
      ...(values["base-file"] ? { baseFile: values["base-file"] } : {}),
    };
    const outcome = await runSpecDiff({ ...options, ...choice });
    log(describeOutcome(outcome));
    return outcome.kind === "compared" && !outcome.result.ok ? EXIT.breaking : EXIT.ok;
  } catch (e) {
    error(`spec:diff: ${(e as Error).message}`);
    return EXIT.error;
  }
}
