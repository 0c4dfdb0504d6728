// npm run spec:diff [-- --base REF]: the breaking-change gate. Compares spec/leadconduit.yaml
// (as it is on disk) with the spec at a base git ref and fails when the change breaks existing
// clients without a major bump of info.version.
//
// Which change breaks what is decided by `redocly diff` (experimental in @redocly/cli 2.x) with
// its diff-recommended rules; this script only reads its JSON report and weighs the version.
// The project's redocly.yaml holds lint rules and no diff rules, and without diff rules redocly
// rates every change a patch, so the diff runs with a config of its own. redocly's own
// --check-version is not used: it also fails a minor change without a minor bump, and this gate's
// rule is only "breaking needs a new major".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { SpecDiffSection } from "../../src/gate/report/model.ts";
import { childEnv } from "../../src/gate/terminal.ts";
import { NOISE, withoutNoise } from "./noise.ts";
import { PATHS, REDOCLY_CLI, ROOT } from "./paths.ts";
import { run } from "./run.ts";

const DIFF_CONFIG = "extends:\n  - diff-recommended\ntelemetry: off\n";
const DEFAULT_BRANCH = "main";

const EXIT = { ok: 0, breaking: 1, error: 2 } as const;

/** The part of `redocly diff --format json` (reportVersion 1) this gate reads. */
interface RedoclyDiffReport {
  reportVersion: string;
  infoVersions?: { base?: string; revision?: string };
  summary: { major: number; minor: number; patch: number };
  changes: {
    path: string;
    kind: string;
    impact: "major" | "minor" | "patch";
    property?: string;
    verdicts: RedoclyVerdict[];
  }[];
}
interface RedoclyVerdict {
  ruleId: string;
  impact: string;
  message: string;
  location?: { file: string; line: number; col: number };
}

interface BreakingChange {
  ruleId: string;
  message: string;
  /** JSON pointer of the change in the revision (or the base, for removals) */
  pointer: string;
  /** file:line:col */
  location?: string;
}

/** One change of any impact, for the list in a report. */
interface SpecChange {
  impact: "major" | "minor" | "patch";
  message: string;
  ruleId: string;
  pointer: string;
}

export interface SpecDiffResult {
  ok: boolean;
  baseVersion?: string;
  revisionVersion?: string;
  /** info.version went up a semver major, which allows breaking changes */
  majorBump: boolean;
  summary: { major: number; minor: number; patch: number };
  breaking: BreakingChange[];
  /** every change redocly found, breaking or not */
  changes: SpecChange[];
}

export interface DiffLabels {
  /** shown instead of the base file's path, e.g. `main:spec/leadconduit.yaml` */
  base?: string;
  revision?: string;
}

/** The core of the gate: two spec files in, a verdict out. */
export async function diffSpecFiles(
  basePath: string,
  revisionPath: string,
  labels: DiffLabels = {},
): Promise<SpecDiffResult> {
  const work = mkdtempSync(join(tmpdir(), "spec-diff-"));
  try {
    const report = await redoclyDiff(work, basePath, revisionPath);
    const where = (file: string) => {
      const full = resolve(work, file);
      if (full === resolve(basePath)) return labels.base ?? basePath;
      if (full === resolve(revisionPath)) return labels.revision ?? revisionPath;
      return file;
    };
    return verdictOf(report, where);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs `redocly diff` with the diff-recommended rules and reads its JSON report. */
async function redoclyDiff(work: string, basePath: string, revisionPath: string): Promise<RedoclyDiffReport> {
  const config = join(work, "redocly.yaml");
  const output = join(work, "diff.json");
  writeFileSync(config, DIFF_CONFIG);
  // --fail-on none: the exit code then means "redocly could not run", never "found a change"
  const args = [REDOCLY_CLI, "diff", resolve(basePath), resolve(revisionPath), "--config", config];
  args.push("--format", "json", "--fail-on", "none", "-o", output);
  const diffed = await run(process.execPath, args, {
    cwd: work,
    env: childEnv(process.env, false, { REDOCLY_TELEMETRY: "off" }),
    timeoutMs: 120_000,
  });
  if (diffed.code !== 0) {
    const said = withoutNoise(`${diffed.stdout}\n${diffed.stderr}`, NOISE.redoclyNode20)
      .replace(NOISE.redoclyNode20.explanation, "")
      .trim();
    throw new Error(`redocly diff failed: ${said || `exit code ${diffed.code}`}`);
  }
  const report = JSON.parse(readFileSync(output, "utf8")) as RedoclyDiffReport;
  if (report.reportVersion !== "1") {
    throw new Error(`redocly diff wrote report version ${report.reportVersion}; this gate reads version 1`);
  }
  return report;
}

/** Weighs redocly's changes against info.version; `where` names a file in a location. */
function verdictOf(report: RedoclyDiffReport, where: (file: string) => string): SpecDiffResult {
  const breaking = report.changes
    .filter((change) => change.impact === "major")
    .flatMap((change) => {
      const verdicts = change.verdicts.filter((v) => v.impact === "major");
      // a change rated major always carries the verdict that rated it; this is for a future format
      const message = `${change.kind} ${change.property ?? ""}`.trim();
      const fallback: RedoclyVerdict[] = [{ ruleId: "(none)", impact: "major", message }];
      return (verdicts.length ? verdicts : fallback).map((v) => ({
        ruleId: v.ruleId,
        message: v.message,
        pointer: change.path,
        ...(v.location ? { location: `${where(v.location.file)}:${v.location.line}:${v.location.col}` } : {}),
      }));
    });
  const changes = report.changes.map((change) => {
    const verdict = change.verdicts.find((v) => v.impact === change.impact) ?? change.verdicts[0];
    const message = verdict?.message ?? `${change.kind} ${change.property ?? ""}`.trim();
    return { impact: change.impact, message, ruleId: verdict?.ruleId ?? "(none)", pointer: change.path };
  });
  const baseVersion = report.infoVersions?.base;
  const revisionVersion = report.infoVersions?.revision;
  const majorBump = isMajorBump(baseVersion, revisionVersion);
  return {
    ok: breaking.length === 0 || majorBump,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    ...(revisionVersion === undefined ? {} : { revisionVersion }),
    majorBump,
    summary: report.summary,
    breaking,
    changes,
  };
}

/** True when `revision`'s semver major is greater than `base`'s; unreadable versions are not a bump. */
export function isMajorBump(base: string | undefined, revision: string | undefined): boolean {
  const major = (version: string | undefined) => {
    const match = /^v?(\d+)\.\d+\.\d+(?:[-+].*)?$/.exec(version?.trim() ?? "");
    return match ? Number(match[1]) : undefined;
  };
  const [from, to] = [major(base), major(revision)];
  return from !== undefined && to !== undefined && to > from;
}

export function formatSpecDiff(result: SpecDiffResult, labels: Required<DiffLabels>): string {
  const { major, minor, patch } = result.summary;
  const from = `${labels.base} (${result.baseVersion ?? "no version"})`;
  const to = `${labels.revision} (${result.revisionVersion ?? "no version"})`;
  const plural = major + minor + patch === 1 ? "" : "s";
  const lines = [
    `spec:diff ${from} -> ${to}`,
    `  ${major} breaking, ${minor} minor, ${patch} patch change${plural} (redocly diff, diff-recommended rules)`,
  ];
  if (result.breaking.length) {
    lines.push("", "Breaking changes:");
    for (const b of result.breaking) {
      lines.push(`  ✖ ${b.message} (${b.ruleId})`, `      ${b.pointer}${b.location ? `  at ${b.location}` : ""}`);
    }
    lines.push(
      "",
      result.majorBump
        ? `Allowed: info.version went from ${result.baseVersion} to ${result.revisionVersion}, a major bump.`
        : `FAILED: breaking changes need a major bump of info.version (it is ${result.revisionVersion ?? "missing"}, ` +
            `the base has ${result.baseVersion ?? "none"}). Undo them, or release them as a new major version.`,
    );
  } else {
    lines.push("", "No breaking change.");
  }
  return lines.join("\n");
}

// ------------------------------------------------------------------ git

type BaseRef = { ref: string; commit: string } | { none: string };

async function git(repoDir: string, args: string[]): Promise<string | undefined> {
  const result = await run("git", args, { cwd: repoDir, timeoutMs: 60_000 });
  return result.code === 0 ? result.stdout : undefined;
}

/**
 * The commit to compare with: `--base REF` when given; otherwise where HEAD left main, or,
 * on main itself (or when there is no main), the commit before HEAD.
 */
async function resolveBaseRef(repoDir: string, override?: string): Promise<BaseRef> {
  const commitOf = async (ref: string) =>
    (await git(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]))?.trim();
  if (override !== undefined) {
    const commit = await commitOf(override);
    if (!commit) throw new Error(`--base ${override} is not a commit in ${repoDir}`);
    return { ref: override, commit };
  }
  const head = await commitOf("HEAD");
  if (!head) return { none: "there is no commit yet" };
  const mergeBase = (await git(repoDir, ["merge-base", "HEAD", DEFAULT_BRANCH]))?.trim();
  if (mergeBase && mergeBase !== head) return { ref: `merge-base(HEAD, ${DEFAULT_BRANCH})`, commit: mergeBase };
  const parent = await commitOf("HEAD~1");
  if (!parent) return { none: "HEAD has no parent commit" };
  return { ref: "HEAD~1", commit: parent };
}

/** What the spec:diff step found: nothing to compare with, no change, or a verdict. */
export type SpecDiffOutcome =
  | { kind: "skipped"; why: string }
  | { kind: "unchanged"; base: string }
  | { kind: "compared"; result: SpecDiffResult; labels: Required<DiffLabels> };

export interface SpecDiffOptions {
  /** the repository to read the base from; defaults to this project */
  repoDir?: string;
  /** the spec on disk; defaults to spec/leadconduit.yaml */
  specPath?: string;
  /** a git ref; defaults to SPEC_DIFF_BASE, then where HEAD left main, then HEAD~1 */
  base?: string;
  /** where SPEC_DIFF_BASE is read; defaults to process.env */
  env?: Record<string, string | undefined>;
}

/** Compares the spec on disk with the spec at the base commit (no redocly run when they are equal). */
export async function runSpecDiff(options: SpecDiffOptions = {}): Promise<SpecDiffOutcome> {
  const { repoDir = ROOT, specPath = PATHS.spec, env = process.env } = options;
  // read here, not by the command line alone: both gates call this and CI sets it for them
  const found = await resolveBaseRef(repoDir, options.base ?? (env.SPEC_DIFF_BASE?.trim() || undefined));
  if ("none" in found) return { kind: "skipped", why: `nothing to compare with (${found.none})` };
  const top = (await git(repoDir, ["rev-parse", "--show-toplevel"]))?.trim() ?? repoDir;
  const inRepo = relative(top, resolve(specPath)).split("\\").join("/");
  const short = found.commit.slice(0, 12);
  const content = await git(repoDir, ["show", `${found.commit}:${inRepo}`]);
  if (content === undefined)
    return { kind: "skipped", why: `${inRepo} does not exist at ${found.ref} (${short}); nothing to compare with` };
  const base = `${found.ref} (${short}):${inRepo}`;
  if (content === readFileSync(specPath, "utf8")) return { kind: "unchanged", base };
  const work = mkdtempSync(join(tmpdir(), "spec-diff-base-"));
  try {
    // same file name as the revision, so redocly's messages read the same for both sides
    const basePath = join(work, basename(specPath));
    writeFileSync(basePath, content);
    const labels = { base, revision: inRepo };
    return { kind: "compared", result: await diffSpecFiles(basePath, specPath, labels), labels };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The outcome in words, as `npm run spec:diff` prints it. */
export function describeOutcome(outcome: SpecDiffOutcome): string {
  if (outcome.kind === "skipped") return `spec:diff: ${outcome.why}; skipped.`;
  if (outcome.kind === "unchanged") return `spec:diff: the spec is unchanged since ${outcome.base}.`;
  return formatSpecDiff(outcome.result, outcome.labels);
}

/** The section of a gate report, when the spec changed. */
export function specDiffSection(outcome: SpecDiffOutcome): SpecDiffSection | undefined {
  if (outcome.kind !== "compared") return undefined;
  const { result, labels } = outcome;
  return {
    base: labels.base,
    revision: labels.revision,
    ok: result.ok,
    breaking: result.summary.major,
    minor: result.summary.minor,
    patch: result.summary.patch,
    majorBump: result.majorBump,
    ...(result.baseVersion ? { baseVersion: result.baseVersion } : {}),
    ...(result.revisionVersion ? { revisionVersion: result.revisionVersion } : {}),
    changes: result.changes.map((c) => {
      const located = result.breaking.find((b) => b.pointer === c.pointer && b.ruleId === c.ruleId)?.location;
      return { ...c, ...(located ? { location: located } : {}) };
    }),
  };
}

export interface SpecDiffMainOptions extends Omit<SpecDiffOptions, "base"> {
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export async function specDiffMain(argv: string[], options: SpecDiffMainOptions = {}): Promise<number> {
  const { log = console.log, error = console.error } = options;
  let base: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { base: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    });
    if (values.help) {
      log(
        "Usage: npm run spec:diff [-- --base REF]\nFails on a breaking spec change unless info.version got a major bump.\n" +
          "REF defaults to SPEC_DIFF_BASE, then where HEAD left main, then HEAD~1.",
      );
      return EXIT.ok;
    }
    base = values.base;
  } catch (e) {
    error(`spec:diff: ${(e as Error).message}`);
    return EXIT.error;
  }
  try {
    const outcome = await runSpecDiff({ ...options, ...(base ? { base } : {}) });
    log(describeOutcome(outcome));
    return outcome.kind === "compared" && !outcome.result.ok ? EXIT.breaking : EXIT.ok;
  } catch (e) {
    error(`spec:diff: ${(e as Error).message}`);
    return EXIT.error;
  }
}
