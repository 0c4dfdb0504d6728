// The consumer check of `npm run check:package`, as a downstream team meets the package:
//   - the packed tarball installed into a fresh app (test/consumer/) that compiles with the
//     strictest settings under NodeNext and Bundler resolution, every TypeScript snippet of the
//     README included as written, then runs its ESM and CJS entry points against Prism;
//   - the hover text of everything a user hovers, asked of the TypeScript language service,
//     through both the .d.mts and the .d.cts;
//   - the spec files it exports, and the README's links against the tarball's files;
//   - the repository installed as a git dependency (`prepare` builds it).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { bundleSpec } from "../build-docs.ts";
import type { Packed } from "./pack.ts";
import { type RunningPrism, startPrism } from "./prism.ts";
import { collectHovers, type Hover } from "./quick-info.ts";
import { brokenLinks, typescriptSnippets } from "./readme.ts";
import { run, tail } from "./run.ts";

export interface StepOutcome {
  ok: boolean;
  note: string;
}

const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
const INSTALL = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"];

interface Repo {
  root: string;
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

function readRepo(root: string): Repo {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Omit<Repo, "root">;
  return { root, ...pkg };
}

/** Throws with the command's output when it fails. */
async function must(what: string, command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
  const result = await run(command, args, { env: noColor, timeoutMs: 180_000, ...options });
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${tail(result)}`);
  return result;
}

export async function checkConsumer(root: string, packed: Packed): Promise<StepOutcome> {
  const repo = readRepo(root);
  const temp = mkdtempSync(join(tmpdir(), "lc-consumer-"));
  const notes: string[] = [];
  // the slowest part (npm installs the repository's dev dependencies to build it), so it runs
  // alongside the rest
  const gitDependency = checkGitDependency(repo, join(temp, "git")).then(
    (note) => ({ note }),
    (error: unknown) => ({ error }),
  );
  try {
    const app = await installApp(repo, join(temp, "app"), packed.tarball);
    const snippets = writeReadmeSnippets(repo, app);
    for (const config of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
      await must(`tsc -p ${config}`, process.execPath, [tscOf(repo), "-p", config, "--pretty", "false"], { cwd: app });
    }
    notes.push(`tsc strict (exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax) green under NodeNext and Bundler, ${snippets} README snippets included`);
    notes.push(...(await runEntryPoints(app)));
    notes.push(checkHovers(app, repo.name));
    notes.push(checkSpecExports(app, repo.name));
    notes.push(checkReadmeLinks(repo, packed));
    const git = await gitDependency;
    if ("error" in git) throw git.error;
    notes.push(git.note);
    return { ok: true, note: notes.join("\n") };
  } catch (error) {
    return { ok: false, note: [...notes, error instanceof Error ? error.message : String(error)].join("\n") };
  } finally {
    await gitDependency;
    rmSync(temp, { recursive: true, force: true });
  }
}

const tscOf = (repo: Repo) => join(repo.root, "node_modules", "typescript", "bin", "tsc");

/** test/consumer copied to `app`, with the tarball and what a Node app has (@types/node) installed. */
async function installApp(repo: Repo, app: string, tarball: string): Promise<string> {
  cpSync(join(repo.root, "test", "consumer"), app, { recursive: true });
  const tools = [`@types/node@${repo.devDependencies["@types/node"]}`];
  await must("npm install of the tarball", "npm", [...INSTALL, "--ignore-scripts", tarball, ...tools], { cwd: app });
  const nm = join(app, "node_modules");
  for (const dep of Object.keys(repo.dependencies)) {
    if (!existsSync(join(nm, dep, "package.json"))) throw new Error(`the tarball's install did not bring its dependency ${dep}`);
  }
  const strays = ["ajv", "ajv-formats", "yaml"].filter((dep) => existsSync(join(nm, dep)));
  if (strays.length) throw new Error(`installing the tarball pulled in ${strays.join(", ")}`);
  return app;
}

/** Each ```ts block of the README becomes a module of the app, compiled as written. */
function writeReadmeSnippets(repo: Repo, app: string): number {
  const snippets = typescriptSnippets(readFileSync(join(repo.root, "README.md"), "utf8"));
  mkdirSync(join(app, "src", "readme"), { recursive: true });
  for (const { line, code } of snippets) {
    writeFileSync(join(app, "src", "readme", `line-${line}.ts`), `// README.md:${line}\n${code}`);
  }
  return snippets.length;
}

/** The compiled ESM and CJS entry points, run with node against Prism. */
async function runEntryPoints(app: string): Promise<string[]> {
  let prism: RunningPrism | undefined;
  try {
    prism = await startPrism();
    const env = { ...noColor, PRISM_URL: prism.url };
    const lines: string[] = [];
    for (const file of ["out/esm.mjs", "out/cjs.cjs"]) {
      lines.push((await must(`node ${file}`, process.execPath, [file], { cwd: app, env, timeoutMs: 60_000 })).stdout.trim());
    }
    return lines;
  } finally {
    await prism?.stop();
  }
}

function checkHovers(app: string, name: string): string {
  const checked: Record<string, Hover[]> = {
    ".d.mts": collectHovers(app, name, "esm"),
    ".d.cts": collectHovers(app, name, "cjs"),
  };
  const problems = Object.entries(checked).flatMap(([ext, hovers]) => [
    ...hovers.filter((h) => h.text === "").map((h) => `${ext}: no hover text for ${h.name} (${h.file})`),
    ...hovers.filter((h) => !h.file.includes(`node_modules/${name}/`)).map((h) => `${ext}: ${h.name} resolved to ${h.file}`),
  ]);
  if (problems.length) throw new Error(`quick info:\n${problems.join("\n")}`);
  const counts = Object.entries(checked).map(([ext, hovers]) => `${hovers.length} in ${ext}`);
  return `quick info: every hover has text (${counts.join(", ")})`;
}

/** `<name>/openapi.json` and `/openapi.yaml` are the bundled spec: equal, and no external $ref. */
function checkSpecExports(app: string, name: string): string {
  const require = createRequire(join(app, "package.json"));
  const json = JSON.parse(readFileSync(require.resolve(`${name}/openapi.json`), "utf8")) as unknown;
  const yaml = parse(readFileSync(require.resolve(`${name}/openapi.yaml`), "utf8")) as unknown;
  if (JSON.stringify(yaml) !== JSON.stringify(json)) throw new Error("openapi.yaml and openapi.json differ");
  if (JSON.stringify(json) !== JSON.stringify(bundleSpec())) throw new Error("openapi.json is not the bundled spec/leadconduit.yaml");
  const external = JSON.stringify(json).match(/"\$ref":"(?!#)[^"]*"/g) ?? [];
  if (external.length) throw new Error(`openapi.json has external refs: ${external.join(", ")}`);
  return "openapi.json and openapi.yaml: the bundled spec, no external $ref";
}

/** The README inside the tarball links to nothing the tarball lacks. */
function checkReadmeLinks(repo: Repo, packed: Packed): string {
  const files = new Set(packed.info.files.map((f) => f.path));
  const broken = brokenLinks(readFileSync(join(repo.root, "README.md"), "utf8"), files);
  if (broken.length) throw new Error(`the README in the tarball has broken links:\n${broken.join("\n")}`);
  return "README in the tarball: every local link is in the tarball";
}

/**
 * The repository's working tree (tracked and new files, as a commit would hold them) committed
 * into a scratch repository and installed as a git dependency: npm clones it, installs its dev
 * dependencies and runs `prepare`, which builds dist/.
 */
async function checkGitDependency(repo: Repo, dir: string): Promise<string> {
  const source = join(dir, "repo");
  mkdirSync(source, { recursive: true });
  const listed = await must("git ls-files", "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo.root });
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (!existsSync(join(repo.root, file))) continue; // deleted, not yet committed
    mkdirSync(join(source, file, ".."), { recursive: true });
    cpSync(join(repo.root, file), join(source, file));
  }
  const git = (...args: string[]) =>
    must(`git ${args[0]}`, "git", ["-c", "user.name=consumer", "-c", "user.email=consumer@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: source });
  await git("init", "--quiet", "--initial-branch=main");
  await git("add", "--all");
  await git("commit", "--quiet", "-m", "snapshot");
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "lc-git-consumer", private: true, type: "module" })}\n`);
  const started = performance.now();
  await must("npm install of the git dependency", "npm", [...INSTALL, `git+file://${source}`], { cwd: app, timeoutMs: 600_000 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const script = `import("${repo.name}").then((m) => { if (typeof m.createLeadConduitClient !== "function") process.exit(1); console.log(Object.keys(m).length); })`;
  const exports = (await must("import of the git dependency", process.execPath, ["-e", script], { cwd: app })).stdout.trim();
  const built = ["index.mjs", "index.cjs", "index.d.mts", "index.d.cts", "openapi.json"].filter(
    (f) => !existsSync(join(app, "node_modules", repo.name, "dist", f)),
  );
  if (built.length) throw new Error(`the git dependency's prepare did not build dist/${built.join(", dist/")}`);
  return `git dependency: installed and built by prepare in ${seconds} s, ${exports} exports`;
}
