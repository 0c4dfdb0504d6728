// The testing kit as a downstream team meets it (a step of `npm run check:package`): the packed
// tarball installed into a fresh app (test/consumer-kit/) with the app's own dev tools (vitest,
// msw, @types/node, at this repository's versions, from npm's cache), compiled with the strictest
// settings (the kit's declarations included), then the app's vitest suite run: its own code
// tested with leadconduit-client/testing (ESM), the kit through `require` (CJS), MSW handlers with
// setupServer, and every TypeScript example of the README's "Testing your app" section.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StepOutcome } from "./consumer.ts";
import type { Packed } from "./pack.ts";
import { run, tail } from "./run.ts";

const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true" };
const TOOLS = ["vitest", "msw", "@types/node"];
export const README_SECTION = "Testing your app";

/** The ```ts blocks of one `##`/`###` section of a Markdown text, with their 1-based lines. */
export function sectionSnippets(markdown: string, title: string): { line: number; code: string }[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => /^#{2,3}\s/.test(l) && l.replace(/^#+\s*/, "").trim() === title);
  if (start < 0) throw new Error(`README.md has no section "${title}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const snippets: { line: number; code: string }[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const heading = /^(#+)\s/.exec(lines[i]!);
    if (heading && heading[1]!.length <= level) break;
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!.trim())) continue;
    const line = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!);
    snippets.push({ line, code: `${body.join("\n")}\n` });
  }
  return snippets;
}

async function must(what: string, command: string, args: string[], cwd: string, timeoutMs = 180_000) {
  const result = await run(command, args, { cwd, env: noColor, timeoutMs });
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}\n${tail(result)}`);
  return result;
}

/** The app's test files: the README's examples join them, each a test module of its own. */
function writeReadmeExamples(root: string, app: string): number {
  const snippets = sectionSnippets(readFileSync(join(root, "README.md"), "utf8"), README_SECTION);
  if (snippets.length === 0) throw new Error(`README.md's "${README_SECTION}" has no TypeScript example`);
  mkdirSync(join(app, "test", "readme"), { recursive: true });
  for (const { line, code } of snippets) {
    writeFileSync(join(app, "test", "readme", `line-${line}.spec.ts`), `// README.md:${line}\n${code}`);
  }
  return snippets.length;
}

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string }[];
}

async function runVitest(app: string): Promise<VitestReport> {
  const vitest = join(app, "node_modules", "vitest", "vitest.mjs");
  const result = await run(process.execPath, [vitest, "run", "--reporter=default", "--reporter=json", "--outputFile.json=vitest.json"], {
    cwd: app,
    env: noColor,
    timeoutMs: 180_000,
  });
  let report: VitestReport | undefined;
  try {
    report = JSON.parse(readFileSync(join(app, "vitest.json"), "utf8")) as VitestReport;
  } catch {
    report = undefined;
  }
  if (result.code !== 0 || !report || report.numFailedTests > 0 || report.numTotalTests === 0) {
    throw new Error(`the app's vitest suite failed (exit ${result.code})\n${tail(result, 60)}`);
  }
  return report;
}

export async function checkKitConsumer(root: string, packed: Packed): Promise<StepOutcome> {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const temp = mkdtempSync(join(tmpdir(), "lc-consumer-kit-"));
  try {
    const app = join(temp, "app");
    cpSync(join(root, "test", "consumer-kit"), app, { recursive: true });
    const examples = writeReadmeExamples(root, app);
    const tools = TOOLS.map((name) => `${name}@${pkg.devDependencies[name]}`);
    const install = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"];
    await must("npm install of the tarball and the app's tools", "npm", [...install, packed.tarball, ...tools], app, 300_000);
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    await must("tsc -p tsconfig.json", process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], app);
    const report = await runVitest(app);
    const files = report.testResults.map((r) => r.name.slice(r.name.indexOf("/test/") + 1)).sort();
    return {
      ok: true,
      note:
        `tsc strict green; the app's vitest suite: ${report.numPassedTests}/${report.numTotalTests} tests passed in ` +
        `${files.length} files (${examples} README examples included)\n${files.join(", ")}`,
    };
  } catch (error) {
    return { ok: false, note: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
