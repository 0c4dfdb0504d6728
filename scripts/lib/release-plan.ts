// npm run release:plan [-- --write | --check-tag vX.Y.Z]: the next package version, from what
// changed in the spec since the last release (the newest vX.Y.Z tag reachable from HEAD):
// breaking → major, additive → minor, editorial → patch; the spec unchanged → patch when
// anything else changed, else nothing to release. Prints the CHANGELOG section written from
// spec:diff's changes; --write puts it in CHANGELOG.md and sets package.json's version;
// --check-tag is release.yml's: the tag pushed must be that version (or a bigger step).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { appendSummary } from "../../src/gate/report/publish.ts";
import { type Entries, entriesOf, sectionText, unreleasedOf, withRelease } from "./changelog.ts";
import { commitOf, fileAt, git, inRepository, releaseTags, shortOf } from "./git.ts";
import { PATHS, ROOT } from "./paths.ts";
import { isObject, parseSpec } from "./spec-diff/document.ts";
import { operationsOf } from "./spec-diff/operations.ts";
import { judgeSpecs, type SpecDiffResult } from "./spec-diff.ts";
import { compareVersions, parseVersion, type Version } from "./version.ts";

export type Bump = "major" | "minor" | "patch";

export interface ReleasePlan {
  /** the release this one follows; none before the first */
  last?: { tag: string; version: string; commit: string };
  /** package.json's version now */
  current: string;
  /** undefined when nothing changed since the last release */
  next?: string;
  bump?: Bump | "first";
  why: string;
  /** the spec since the last release, when it changed */
  diff?: SpecDiffResult;
  entries: Entries;
}

export interface ReleasePlanOptions {
  repoDir?: string;
  specPath?: string;
  packageJson?: string;
  /** the release being made (release.yml): the last release is the newest tag older than it */
  forTag?: string;
}

export class ReleasePlanError extends Error {
  override name = "ReleasePlanError";
}

/** A version a release may carry (a pre-release suffix, no build metadata), as its core. */
function releaseVersion(text: string): Version | undefined {
  const parsed = parseVersion(text);
  return parsed && parsed.build === undefined ? parsed.core : undefined;
}

export function bumped([major, minor, patch]: Version, bump: Bump): string {
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

function packageVersion(path: string): string {
  const version = (JSON.parse(readFileSync(path, "utf8")) as { version?: unknown }).version;
  if (typeof version !== "string" || !releaseVersion(version))
    throw new ReleasePlanError(`${path} has no semver version (found ${JSON.stringify(version)})`);
  return version;
}

export async function planRelease(options: ReleasePlanOptions = {}): Promise<ReleasePlan> {
  const { repoDir = ROOT, specPath = PATHS.spec, packageJson = PATHS.packageJson } = options;
  const current = packageVersion(packageJson);
  const ceiling = options.forTag === undefined ? undefined : releaseVersion(options.forTag);
  if (options.forTag !== undefined && !ceiling)
    throw new ReleasePlanError(`${options.forTag} is not a release tag (vX.Y.Z)`);
  const tags = (await releaseTags(repoDir)).filter((t) => !ceiling || compareVersions(t.version, ceiling) < 0);
  const spec = readFileSync(specPath, "utf8");
  const newest = tags[0];
  if (!newest) return firstRelease(current, spec, options.forTag);
  const commit = (await commitOf(repoDir, newest.tag))!;
  const last = { tag: newest.tag, version: newest.version.join("."), commit };
  const inRepo = await inRepository(repoDir, specPath);
  const before = (await fileAt(repoDir, commit, inRepo)) ?? emptySpec(spec);
  const diff = judgeSpecs({ text: before, name: `${last.tag}:${inRepo}` }, { text: spec, name: inRepo });
  const entries = entriesOf(diff.changes);
  const bump = diff.counts.breaking
    ? "major"
    : diff.counts.additive
      ? "minor"
      : diff.counts.editorial
        ? "patch"
        : undefined;
  if (bump) {
    const n = diff.counts[bump === "major" ? "breaking" : bump === "minor" ? "additive" : "editorial"];
    const kind = bump === "major" ? "breaking" : bump === "minor" ? "additive" : "editorial";
    const why = `${inRepo} has ${n} ${kind} change${n === 1 ? "" : "s"} since ${last.tag}`;
    return { last, current, next: bumped(newest.version, bump), bump, why, diff, entries };
  }
  const others = await otherChanges(repoDir, last.tag);
  if (!others) return { last, current, why: `nothing changed since ${last.tag}`, diff, entries };
  const why = `${inRepo} has no change a client can see since ${last.tag}; ${others}`;
  return { last, current, next: bumped(newest.version, "patch"), bump: "patch", why, diff, entries };
}

/** The first release is package.json's version; its section lists the operations it offers. */
function firstRelease(current: string, specText: string, forTag?: string): ReleasePlan {
  const doc = parseSpec(specText, "spec");
  const operations = [...operationsOf(doc).values()].map((o) => {
    const id = o.op.node.operationId;
    return `\`${o.label}\`${typeof id === "string" ? ` (${id})` : ""}`;
  });
  const info = isObject(doc.root.info) ? doc.root.info : {};
  const api = `${String(info.title ?? "the API")} ${String(info.version ?? "")}`.trim();
  const entries: Entries = new Map([["Added", [`First release, for ${api}: ${operations.join(", ")}`]]]);
  const where = forTag ? `no release tag older than ${forTag}` : "no v*.*.* tag is reachable from HEAD";
  return {
    current,
    next: current,
    bump: "first",
    why: `${where}: the first release is package.json's version`,
    entries,
  };
}

/** An OpenAPI document with nothing in it: the base when the spec did not exist at the last release. */
function emptySpec(spec: string): string {
  return `openapi: ${String(parseSpec(spec, "spec").root.openapi)}\ninfo:\n  title: ''\n  version: ''\npaths: {}\n`;
}

/** Commits since the tag and changes not committed yet, in words; undefined when there are none. */
async function otherChanges(repoDir: string, tag: string): Promise<string | undefined> {
  const commits = Number((await git(repoDir, ["rev-list", "--count", `${tag}..HEAD`]))?.trim() ?? "0");
  const dirty = ((await git(repoDir, ["status", "--porcelain", "--untracked-files=no"])) ?? "").trim() !== "";
  const parts = [
    ...(commits ? [`${commits} commit${commits === 1 ? "" : "s"} since`] : []),
    ...(dirty ? ["uncommitted changes"] : []),
  ];
  return parts.length ? `other changes: ${parts.join(", ")}` : undefined;
}

const NO_API_CHANGE: Entries = new Map([["Changed", ["No change to the API."]]]);

/** The section as CHANGELOG.md will hold it (without what is under [Unreleased] there). */
function planSection(plan: ReleasePlan, date: string): string | undefined {
  if (!plan.next) return undefined;
  return sectionText(plan.next, date, plan.entries.size ? plan.entries : NO_API_CHANGE);
}

/** The plan in words; `lastShort` is the last release's abbreviated commit. */
function formatPlan(plan: ReleasePlan, date: string, lastShort = plan.last?.commit.slice(0, 7)): string {
  const lines = [
    "release:plan",
    `  last release: ${plan.last ? `${plan.last.tag} (${lastShort})` : "none"}; package.json: ${plan.current}`,
  ];
  if (plan.diff) {
    const { counts, baseVersion, revisionVersion } = plan.diff;
    const spec = `${counts.breaking} breaking, ${counts.additive} additive, ${counts.editorial} editorial`;
    lines.push(
      `  spec since ${plan.last!.tag}: ${spec} (info.version ${baseVersion ?? "(none)"} → ${revisionVersion ?? "(none)"})`,
    );
    if (plan.bump && plan.bump !== "patch" && baseVersion === revisionVersion)
      lines.push(`  note: the spec's info.version is still ${baseVersion}; the API changed, so it should move too`);
  }
  lines.push(`  next version: ${plan.next ?? "none"} (${plan.bump ? `${plan.bump}: ` : ""}${plan.why})`);
  const section = planSection(plan, date);
  if (section) lines.push("", section.trimEnd());
  return lines.join("\n");
}

/** Whether `tag` may release this plan: the planned version, or a bigger step from the same release. */
function checkTag(plan: ReleasePlan, tag: string): string | undefined {
  const version = releaseVersion(tag);
  if (!version) return `${tag} is not a release tag (vX.Y.Z)`;
  const core = version.join(".");
  if (core !== plan.current.replace(/[-+].*$/, "")) return `${tag} is not package.json's version (${plan.current})`;
  if (!plan.next) return `${tag}: ${plan.why}; there is nothing to release`;
  if (plan.bump === "first" || !plan.last)
    return core === plan.next ? undefined : `${tag}: the first release is ${plan.next}`;
  const last = releaseVersion(plan.last.tag)!;
  const steps: Bump[] = ["major", "minor", "patch"];
  const allowed = steps.slice(0, steps.indexOf(plan.bump as Bump) + 1).map((b) => bumped(last, b));
  if (allowed.includes(core)) return undefined;
  return `${tag} does not follow ${plan.last.tag}: ${plan.why}, so the release is ${allowed.reverse().join(" or ")}`;
}

/** Puts the section into CHANGELOG.md (creating it) and the version into package.json and its lock. */
function writeRelease(plan: ReleasePlan, date: string, packageJson = PATHS.packageJson): string[] {
  if (!plan.next) throw new ReleasePlanError(`nothing to write: ${plan.why}`);
  const root = dirname(packageJson);
  const changelog = join(root, "CHANGELOG.md");
  const text = existsSync(changelog) ? readFileSync(changelog, "utf8") : undefined;
  const handWritten = [...unreleasedOf(text ?? "").entries.values()].some((list) => list.length);
  const entries = plan.entries.size || handWritten ? plan.entries : NO_API_CHANGE;
  writeFileSync(changelog, withRelease(text, plan.next, date, entries));
  const written = [changelog];
  for (const file of [packageJson, join(root, "package-lock.json")]) {
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      version?: string;
      packages?: Record<string, { version?: string }>;
    };
    json.version = plan.next;
    if (json.packages?.[""]) json.packages[""].version = plan.next;
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

export interface ReleasePlanMainOptions extends Omit<ReleasePlanOptions, "forTag"> {
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** where GITHUB_STEP_SUMMARY is read */
  env?: Record<string, string | undefined>;
  today?: Date;
}

const USAGE = `Usage: npm run release:plan [-- --write | --check-tag vX.Y.Z]
Plans the next version from the changes of spec/leadconduit.yaml since the last release (the
newest vX.Y.Z tag reachable from HEAD): breaking → major, additive → minor, editorial → patch.
--write             prepends the CHANGELOG.md section and sets package.json's version
--check-tag vX.Y.Z  (release.yml) fails unless the tag is package.json's version and the plan's
                    version from the release before it (or a bigger step); writes the plan to
                    the job summary`;

export async function releasePlanMain(argv: string[], options: ReleasePlanMainOptions = {}): Promise<number> {
  const { log = console.log, error = console.error, env = process.env, repoDir = ROOT } = options;
  let values: { write?: boolean; "check-tag"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { write: { type: "boolean" }, "check-tag": { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
    if (values.write && values["check-tag"] !== undefined)
      throw new Error("--write and --check-tag cannot be used together");
  } catch (e) {
    error(`release:plan: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  try {
    const tag = values["check-tag"];
    const plan = await planRelease({ ...options, ...(tag === undefined ? {} : { forTag: tag }) });
    const date = (options.today ?? new Date()).toISOString().slice(0, 10);
    const text = formatPlan(plan, date, plan.last && (await shortOf(repoDir, plan.last.commit)));
    log(text);
    if (tag !== undefined) return reportCheck(plan, tag, text, { log, error, env });
    if (!values.write) {
      if (plan.next)
        log("\n`npm run release:plan -- --write` puts this section in CHANGELOG.md and the version in package.json.");
      return 0;
    }
    log(
      `\nwrote ${writeRelease(plan, date, options.packageJson)
        .map((f) => f.slice(dirname(f).length + 1))
        .join(", ")}`,
    );
    return 0;
  } catch (e) {
    error(`release:plan: ${(e as Error).message}`);
    return 2;
  }
}

function reportCheck(
  plan: ReleasePlan,
  tag: string,
  text: string,
  io: { log: (line: string) => void; error: (line: string) => void; env: Record<string, string | undefined> },
): number {
  const problem = checkTag(plan, tag);
  const verdict = problem ? `❌ ${problem}` : `✅ ${tag} is the planned release`;
  appendSummary(io.env, `## Release ${tag}\n\n${verdict}\n\n\`\`\`\n${text}\n\`\`\`\n`);
  if (problem) {
    io.error(`release:plan: ${problem}`);
    return 1;
  }
  io.log(`\n${verdict}`);
  return 0;
}
