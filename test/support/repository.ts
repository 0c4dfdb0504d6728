// The repository as the checks of its docs and comments see it: which files it holds, and
// whether a path one of them names is there (a file, a folder of files, or a build output git
// ignores, such as docs/index.html).
import { execFileSync, spawnSync } from "node:child_process";
import { ROOT } from "../../scripts/lib/paths.ts";

/** The repository's top-level folders: a path that starts with one names a file or folder of it. */
export const TOP_FOLDERS = String.raw`(?:src|scripts|test|contract-tests|bench|spec|generated|docs|\.github|\.ci)`;

/** Whether `path` is one of `files`, or a folder holding some. */
export function hasPath(files: ReadonlySet<string>, path: string): boolean {
  const bare = path.replace(/\/$/, "");
  return files.has(bare) || [...files].some((f) => f.startsWith(`${bare}/`));
}

let listed: ReadonlySet<string> | undefined;

/** What a commit would hold, and files git does not track yet nor ignore; listed once per worker. */
export function repositoryFiles(): ReadonlySet<string> {
  listed ??= new Set(
    execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean),
  );
  return listed;
}

/** Whether the repository has `path`, counting what git ignores (a build output). */
export function repositoryHas(path: string): boolean {
  return (
    hasPath(repositoryFiles(), path) ||
    spawnSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: ROOT }).status === 0
  );
}
