// The git questions spec:diff and release:plan ask: which commit to compare with and how to name
// it, a file as it was at a commit, the release tags. Read-only: nothing here changes a repository.
import { relative, resolve } from "node:path";
import { run } from "./run.ts";
import { compareVersions, parseVersion } from "./version.ts";

const DEFAULT_BRANCH = "main";

/** A typed refusal: a ref that is not a commit, a repository git cannot read. */
export class GitError extends Error {
  override name = "GitError";
}

/** git's output, or undefined when it exits non-zero. */
export async function git(repoDir: string, args: string[]): Promise<string | undefined> {
  const result = await run("git", args, { cwd: repoDir, timeoutMs: 60_000 });
  return result.code === 0 ? result.stdout : undefined;
}

export async function commitOf(repoDir: string, ref: string): Promise<string | undefined> {
  return (await git(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]))?.trim() || undefined;
}

export async function shortOf(repoDir: string, commit: string): Promise<string> {
  return (await git(repoDir, ["rev-parse", "--short", commit]))?.trim() || commit.slice(0, 7);
}

/** A file as it is at a commit, or undefined when it does not exist there. */
export async function fileAt(repoDir: string, commit: string, path: string): Promise<string | undefined> {
  return git(repoDir, ["show", `${commit}:${path}`]);
}

/** The path of `file` relative to the repository's top folder, with forward slashes. */
export async function inRepository(repoDir: string, file: string): Promise<string> {
  const top = (await git(repoDir, ["rev-parse", "--show-toplevel"]))?.trim() ?? repoDir;
  return relative(top, resolve(file)).split("\\").join("/");
}

/** The commit a diff starts from, named by what it is; or why there is none. */
export type Base = { commit: string; label: string } | { none: string };

/**
 * `ref` when given (`from` says who gave it); else where HEAD left main; else, on main itself or
 * without one: HEAD when `file` has edits not committed yet (they are the change to judge, not
 * the last commit's), the commit before HEAD when it has none.
 */
export async function findBase(repoDir: string, ref?: string, from = "--base", file?: string): Promise<Base> {
  if (ref !== undefined) {
    const commit = await commitOf(repoDir, ref);
    if (!commit) throw new GitError(`${from} ${ref} is not a commit in ${repoDir}`);
    const label = await nameOf(repoDir, ref, commit);
    return { commit, label: from === "--base" ? label : `${label}, from ${from}` };
  }
  const head = await commitOf(repoDir, "HEAD");
  if (!head) return { none: "there is no commit yet" };
  const mergeBase = (await git(repoDir, ["merge-base", "HEAD", DEFAULT_BRANCH]))?.trim();
  if (mergeBase && mergeBase !== head)
    return { commit: mergeBase, label: `merge-base with ${DEFAULT_BRANCH} (${await shortOf(repoDir, mergeBase)})` };
  if (file !== undefined && (await git(repoDir, ["diff", "--quiet", "HEAD", "--", file])) === undefined)
    return {
      commit: head,
      label: `HEAD (the last commit, ${await shortOf(repoDir, head)}; the edits since are judged)`,
    };
  const parent = await commitOf(repoDir, "HEAD~1");
  if (!parent) return { none: "HEAD has no parent commit" };
  return { commit: parent, label: `HEAD~1 (the previous commit, ${await shortOf(repoDir, parent)})` };
}

/** `tag v1.2.0 (abc1234)`, `branch origin/main (abc1234)`, `commit abc1234`, `HEAD~3 (abc1234)`. */
async function nameOf(repoDir: string, ref: string, commit: string): Promise<string> {
  const short = await shortOf(repoDir, commit);
  const exists = async (full: string) => (await git(repoDir, ["show-ref", "--verify", "--quiet", full])) !== undefined;
  if (await exists(`refs/tags/${ref}`)) return `tag ${ref} (${short})`;
  if ((await exists(`refs/heads/${ref}`)) || (await exists(`refs/remotes/${ref}`))) return `branch ${ref} (${short})`;
  if (/^[0-9a-f]{4,40}$/i.test(ref) && commit.startsWith(ref.toLowerCase())) return `commit ${short}`;
  return `${ref} (${short})`;
}

/** Release tags (`v1.2.3`, no pre-release) reachable from HEAD, newest version first. */
export async function releaseTags(repoDir: string): Promise<{ tag: string; version: [number, number, number] }[]> {
  const listed = (await git(repoDir, ["tag", "--merged", "HEAD", "--list", "v*"])) ?? "";
  return listed
    .split("\n")
    .map((line) => line.trim())
    .flatMap((tag) => {
      const parsed = tag.startsWith("v") ? parseVersion(tag) : undefined;
      const release = parsed && parsed.prerelease === undefined && parsed.build === undefined;
      return release ? [{ tag, version: parsed.core }] : [];
    })
    .sort((x, y) => compareVersions(y.version, x.version));
}
