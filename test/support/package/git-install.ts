// The repository installed as a git dependency the way npm does it, all of it: what a commit
// would hold is committed into a scratch repository, and a fresh app runs
// `npm install git+file://…`, so npm clones it, installs its dev dependencies, runs `prepare` and
// installs what that built. Slow (npm installs every dev dependency in the clone), so the test
// suite runs it only when asked (`LC_GIT_INSTALL=1`); CI asks once per push.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NPM_INSTALL } from "../../../scripts/lib/npm-install.ts";
import { SCRATCH_GIT } from "../git.ts";
import { committable, copyFiles } from "./build.ts";
import { run } from "./process.ts";

/** A scratch git repository holding, in one commit, what a commit of `root` would hold. */
async function commitSnapshot(root: string, into: string): Promise<string> {
  copyFiles(root, await committable(root), into);
  for (const args of [
    ["init", "--quiet", "--initial-branch=main"],
    ["add", "--all"],
    ["commit", "--quiet", "-m", "snapshot"],
  ])
    await run("git", [...SCRATCH_GIT, ...args], { cwd: into });
  return into;
}

/** Installs `root` as a git dependency of a fresh app in `dir`; returns the app. */
export async function installFromGit(root: string, dir: string): Promise<{ app: string; ms: number }> {
  const source = await commitSnapshot(root, join(dir, "repo"));
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify({ name: "lc-git-consumer", private: true, type: "module" })}\n`,
  );
  const started = performance.now();
  await run("npm", [...NPM_INSTALL, `git+file://${source}`], {
    cwd: app,
    timeoutMs: 600_000,
  });
  return { app, ms: performance.now() - started };
}
