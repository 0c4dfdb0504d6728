// A downstream app with the package installed from its tarball, made once per test run and shared
// by the consumer checks, the bin's scenarios and the runtime matrix: test/consumer/ copied, every
// TypeScript snippet of the docs written into it as a module (the "Testing your app" ones as test
// files), then `npm install <tarball>`, which must bring the package and its dependencies and
// nothing else. The app's own tools (Node's types, vitest, msw) are the repository's, linked in
// beside: they are the app's environment, not what is under test.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NPM_INSTALL } from "../../../scripts/lib/npm-install.ts";
import { hasSection, sectionSnippets, TESTING_SECTION, typescriptSnippets } from "../markdown.ts";
import { manifestOf, type Packed } from "./build.ts";
import { run } from "./process.ts";

/** What a downstream app has beside the package; the repository's own copies, linked. */
const APP_TOOLS = ["@types/node", "vitest", "msw"];

/** The markdown files whose TypeScript snippets must compile as written in an app. */
const DOCUMENTS = ["README.md", "docs/testing.md", "docs/contract-gate.md"];

export interface App {
  dir: string;
  /** the packages npm installed, from its lock of the app (node_modules/.package-lock.json) */
  installed: string[];
  /** the snippets written into the app, by where they come from (`README.md:42`) */
  snippets: { modules: string[]; tests: string[] };
}

export async function installApp(root: string, packed: Packed, dir: string): Promise<App> {
  cpSync(join(root, "test", "consumer"), dir, { recursive: true });
  const snippets = writeSnippets(root, dir);
  await run("npm", [...NPM_INSTALL, "--ignore-scripts", packed.tarball], {
    cwd: dir,
    timeoutMs: 180_000,
  });
  const lock = JSON.parse(readFileSync(join(dir, "node_modules", ".package-lock.json"), "utf8")) as {
    packages: Record<string, unknown>;
  };
  const installed = Object.keys(lock.packages).map((key) => key.replace(/^node_modules\//, ""));
  for (const tool of APP_TOOLS) {
    mkdirSync(join(dir, "node_modules", tool, ".."), { recursive: true });
    symlinkSync(join(root, "node_modules", tool), join(dir, "node_modules", tool), "dir");
  }
  return { dir, installed, snippets };
}

/** The package's dependency closure as the tarball's manifest and npm's lock give it. */
export function expectedInstall(packed: Packed): string[] {
  const { name, dependencies } = manifestOf(packed.dir);
  return [name, ...Object.keys(dependencies)];
}

/**
 * Each ```ts block of the docs becomes a module of the app, compiled as written; the blocks of a
 * "Testing your app" section are test files, run by the app's vitest too.
 */
function writeSnippets(root: string, app: string): App["snippets"] {
  const out: App["snippets"] = { modules: [], tests: [] };
  for (const document of DOCUMENTS.filter((d) => existsSync(join(root, d)))) {
    const markdown = readFileSync(join(root, document), "utf8");
    const tests = new Set(
      hasSection(markdown, TESTING_SECTION)
        ? sectionSnippets(markdown, TESTING_SECTION, document).map((s) => s.line)
        : [],
    );
    const stem = document.replace(/\.md$/, "").replace(/\W+/g, "-");
    for (const { line, code } of typescriptSnippets(markdown, document)) {
      const test = tests.has(line);
      const file = test
        ? join(app, "test", "docs", `${stem}-${line}.spec.ts`)
        : join(app, "src", "docs", `${stem}-${line}.ts`);
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, `// ${document}:${line}\n${code}`);
      (test ? out.tests : out.modules).push(`${document}:${line}`);
    }
  }
  return out;
}
