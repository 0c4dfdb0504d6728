// The repository installed as a git dependency, the way a team that cannot wait for a release
// takes it: npm clones it, installs its dev dependencies and runs `prepare`, which builds dist/.
// The working tree (tracked and new files, as a commit would hold them) is committed into a
// scratch repository first, so what is checked is what would be pushed.
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { childEnv } from "../../src/gate/terminal.ts";
import { NPM_INSTALL } from "./npm-install.ts";
import { runOrThrow } from "./run.ts";

const env = childEnv(process.env, false);

const must = (what: string, command: string, args: string[], cwd: string, timeoutMs = 180_000) =>
  runOrThrow(what, command, args, { cwd, env, timeoutMs });

/** A scratch git repository holding the working tree of `root` in one commit. */
async function snapshot(root: string, into: string): Promise<string> {
  mkdirSync(into, { recursive: true });
  const listed = await must(
    "git ls-files",
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    root,
  );
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (!existsSync(join(root, file))) continue; // deleted, not yet committed
    mkdirSync(join(into, file, ".."), { recursive: true });
    cpSync(join(root, file), join(into, file));
  }
  const git = (...args: string[]) =>
    must(
      `git ${args[0]}`,
      "git",
      ["-c", "user.name=consumer", "-c", "user.email=consumer@example.com", "-c", "commit.gpgsign=false", ...args],
      into,
    );
  await git("init", "--quiet", "--initial-branch=main");
  await git("add", "--all");
  await git("commit", "--quiet", "-m", "snapshot");
  return into;
}

/** Installs `root` as a git dependency of a fresh app in `dir`; says what it found. */
export async function checkGitDependency(
  root: string,
  name: string,
  dir: string,
  expected: readonly string[],
): Promise<string> {
  const source = await snapshot(root, join(dir, "repo"));
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify({ name: "lc-git-consumer", private: true, type: "module" })}\n`,
  );
  const started = performance.now();
  const install = [...NPM_INSTALL, `git+file://${source}`];
  await must("npm install of the git dependency", "npm", install, app, 600_000);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const missing = expected.filter((file) => !existsSync(join(app, "node_modules", name, file)));
  if (missing.length) throw new Error(`the git dependency's prepare did not build ${missing.join(", ")}`);
  const script = `import("${name}").then((m) => { if (typeof m.createLeadConduitClient !== "function") process.exit(1); console.log(Object.keys(m).length); })`;
  const exports = (await must("import of the git dependency", process.execPath, ["-e", script], app)).stdout.trim();
  return `git dependency: installed and built by prepare in ${seconds} s, ${exports} exports`;
}
