// The consumer check of `npm run check:package`, as a downstream team meets the package:
//   - the packed tarball installed into a fresh app (test/consumer/) with the tools such an app
//     has (@types/node, vitest, msw, at this repository's versions, from npm's cache);
//   - the app compiled with the strictest settings under NodeNext and Bundler resolution, every
//     TypeScript snippet of the README included as written; its ESM and CJS entry points run
//     against Prism; its vitest suite run (its own code tested with leadconduit-client/testing,
//     the kit through require, MSW handlers, the README's "Testing your app" examples);
//   - the hover text of everything a user hovers, asked of the TypeScript language service,
//     through the .d.mts and the .d.cts;
//   - the spec files the package exports, and the README's links against the tarball's files;
// and, as a step of its own, the repository installed as a git dependency (git-dependency.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JsonTestResults } from "vitest/reporters";
import { parse } from "yaml";
import { type RunningPrism, startPrism } from "../../contract-tests/lib/prism.ts";
import { childEnv } from "../../src/gate/terminal.ts";
import { checkGitDependency } from "./git-dependency.ts";
import { NPM_INSTALL } from "./npm-install.ts";
import { DIST_FILES, type Packed } from "./pack.ts";
import { collectHovers, type Hover } from "./quick-info.ts";
import { brokenLinks, sectionSnippets, TESTING_SECTION, typescriptSnippets } from "./readme.ts";
import { run, runOrThrow, type StepOutcome, tail } from "./run.ts";

const env = childEnv(process.env, false, { CI: "true" });
/** What a downstream app has installed beside the package, at this repository's versions. */
const APP_TOOLS = ["@types/node", "vitest", "msw"];

interface Repo {
  root: string;
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const readRepo = (root: string): Repo => ({
  root,
  ...(JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Omit<Repo, "root">),
});

export async function checkConsumer(root: string, packed: Packed): Promise<StepOutcome> {
  const temp = mkdtempSync(join(tmpdir(), "lc-consumer-"));
  try {
    const notes = await checkApp(readRepo(root), packed, join(temp, "app"));
    return { ok: true, note: notes.join("\n") };
  } catch (error) {
    return { ok: false, note: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The repository installed as a git dependency: needs no tarball, so it runs beside the rest. */
export async function checkGitInstall(root: string): Promise<StepOutcome> {
  const temp = mkdtempSync(join(tmpdir(), "lc-git-consumer-"));
  try {
    const built = DIST_FILES.map((file) => `dist/${file}`);
    return { ok: true, note: await checkGitDependency(root, readRepo(root).name, temp, built) };
  } catch (error) {
    return { ok: false, note: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function checkApp(repo: Repo, packed: Packed, app: string): Promise<string[]> {
  await installApp(repo, app, packed.tarball);
  const snippets = writeReadmeSnippets(repo, app);
  const tsc = join(repo.root, "node_modules", "typescript", "bin", "tsc");
  const compile = (config: string) =>
    timed(() =>
      runOrThrow(`tsc -p ${config}`, process.execPath, [tsc, "-p", config, "--pretty", "false"], {
        cwd: app,
        env,
        timeoutMs: 180_000,
      }),
    );
  // the child processes run while this process asks the language service for hovers
  const bundler = compile("tsconfig.bundler.json");
  const nodenext = compile("tsconfig.nodenext.json").then(async ({ ms }) => ({ ms, ran: await runEntryPoints(app) }));
  const tests = runAppTests(app, snippets.tests);
  const hovers = checkHovers(app, repo.name);
  const [b, n, t] = await Promise.all([bundler, nodenext, tests]);
  return [
    `tsc strict (exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax) green under NodeNext ` +
      `(${seconds(n.ms)}) and Bundler (${seconds(b.ms)}), ${snippets.all} README snippets included`,
    ...n.ran,
    t,
    hovers,
    await checkSpecExports(app, repo.name, repo.root),
    checkReadmeLinks(repo, packed),
  ];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** test/consumer copied to `app`, with the tarball and the app's tools installed. */
async function installApp(repo: Repo, app: string, tarball: string): Promise<void> {
  cpSync(join(repo.root, "test", "consumer"), app, { recursive: true });
  const tools = APP_TOOLS.map((name) => `${name}@${repo.devDependencies[name]}`);
  const install = [...NPM_INSTALL, "--ignore-scripts", tarball, ...tools];
  await runOrThrow("npm install of the tarball and the app's tools", "npm", install, {
    cwd: app,
    env,
    timeoutMs: 300_000,
  });
  const nm = join(app, "node_modules");
  const missing = Object.keys(repo.dependencies).filter((dep) => !existsIn(nm, dep));
  if (missing.length) throw new Error(`the tarball's install did not bring its dependencies ${missing.join(", ")}`);
  const strays = ["ajv", "ajv-formats", "yaml"].filter((dep) => existsIn(nm, dep));
  if (strays.length) throw new Error(`installing the tarball pulled in ${strays.join(", ")}`);
}

const existsIn = (nodeModules: string, dep: string) => {
  try {
    readFileSync(join(nodeModules, dep, "package.json"));
    return true;
  } catch {
    return false;
  }
};

/**
 * Each ```ts block of the README becomes a module of the app, compiled as written; the blocks of
 * "Testing your app" are test files, run by the app's vitest too.
 */
function writeReadmeSnippets(repo: Repo, app: string): { all: number; tests: number } {
  const markdown = readFileSync(join(repo.root, "README.md"), "utf8");
  const tests = new Set(sectionSnippets(markdown, TESTING_SECTION).map((s) => s.line));
  const all = typescriptSnippets(markdown);
  for (const { line, code } of all) {
    const file = tests.has(line)
      ? join(app, "test", "readme", `line-${line}.spec.ts`)
      : join(app, "src", "readme", `line-${line}.ts`);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `// README.md:${line}\n${code}`);
  }
  if (tests.size === 0) throw new Error(`README.md's "${TESTING_SECTION}" has no TypeScript example`);
  return { all: all.length, tests: tests.size };
}

/** The compiled ESM and CJS entry points, run with node against Prism. */
async function runEntryPoints(app: string): Promise<string[]> {
  let prism: RunningPrism | undefined;
  try {
    prism = await startPrism();
    const withPrism = { ...env, PRISM_URL: prism.url };
    const lines: string[] = [];
    for (const file of ["out/src/esm.mjs", "out/src/cjs.cjs"]) {
      lines.push(
        (
          await runOrThrow(`node ${file}`, process.execPath, [file], { cwd: app, env: withPrism, timeoutMs: 60_000 })
        ).stdout.trim(),
      );
    }
    return lines;
  } finally {
    await prism?.stop();
  }
}

/** The app's own vitest suite. */
async function runAppTests(app: string, readmeExamples: number): Promise<string> {
  const vitest = join(app, "node_modules", "vitest", "vitest.mjs");
  const args = [vitest, "run", "--reporter=default", "--reporter=json", "--outputFile.json=vitest.json"];
  const result = await run(process.execPath, args, { cwd: app, env, timeoutMs: 180_000 });
  let report: JsonTestResults | undefined;
  try {
    report = JSON.parse(readFileSync(join(app, "vitest.json"), "utf8")) as JsonTestResults;
  } catch {
    report = undefined;
  }
  if (result.code !== 0 || !report || report.numFailedTests > 0 || report.numTotalTests === 0) {
    throw new Error(`the app's vitest suite failed (exit ${result.code})\n${tail(result, 60)}`);
  }
  const files = report.testResults.map((r) => r.name.slice(r.name.indexOf("/test/") + 1)).sort();
  return (
    `the app's vitest suite: ${report.numPassedTests}/${report.numTotalTests} tests passed in ${files.length} files ` +
    `(${readmeExamples} README examples; ${seconds(result.ms)}): ${files.join(", ")}`
  );
}

/** The entry points whose every export, property and field must have hover text. */
const HOVERED_ENTRIES = ["", "/testing", "/msw"];

function checkHovers(app: string, name: string): string {
  const started = performance.now();
  const entries = HOVERED_ENTRIES.map((entry) => `${name}${entry}`);
  const checked: Record<string, Hover[]> = {
    ".d.mts": entries.flatMap((entry) => collectHovers(app, entry, "esm")),
    ".d.cts": entries.flatMap((entry) => collectHovers(app, entry, "cjs")),
  };
  const problems = Object.entries(checked).flatMap(([ext, hovers]) => [
    ...hovers.filter((h) => h.text === "").map((h) => `${ext}: no hover text for ${h.name} (${h.file})`),
    ...hovers
      .filter((h) => !h.file.includes(`node_modules/${name}/`))
      .map((h) => `${ext}: ${h.name} resolved to ${h.file}`),
  ]);
  if (problems.length) throw new Error(`quick info:\n${problems.join("\n")}`);
  const counts = Object.entries(checked).map(([ext, hovers]) => `${hovers.length} in ${ext}`);
  return `quick info: every hover of ${entries.join(", ")} has text (${counts.join(", ")}; ${seconds(performance.now() - started)})`;
}

/** `<name>/openapi.json` and `/openapi.yaml` are the bundled spec: equal, and no external $ref. */
async function checkSpecExports(app: string, name: string, root: string): Promise<string> {
  const require = createRequire(join(app, "package.json"));
  const json = JSON.parse(readFileSync(require.resolve(`${name}/openapi.json`), "utf8")) as unknown;
  const yaml = parse(readFileSync(require.resolve(`${name}/openapi.yaml`), "utf8")) as unknown;
  if (JSON.stringify(yaml) !== JSON.stringify(json)) throw new Error("openapi.yaml and openapi.json differ");
  if (
    JSON.stringify(json) !== JSON.stringify(JSON.parse(readFileSync(join(root, "generated", "openapi.json"), "utf8")))
  )
    throw new Error("openapi.json is not generated/openapi.json, the bundled spec/leadconduit.yaml");
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
