// The package as a downstream team meets it (the app of test/support/package/app.ts, the tarball
// installed, the docs' TypeScript snippets written in): it installs nothing but itself and its
// dependencies; the app compiles with the strictest settings under NodeNext and under Bundler;
// its ESM and CJS entry points run against a server; its own vitest suite passes (the kit, MSW, the
// "Testing your app" examples as written); everything a user hovers has documentation; the spec
// files it exports are the bundled spec; the docs in the tarball link to nothing it lacks.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { JsonTestResults } from "vitest/reporters";
import { parse } from "yaml";
import { brokenLinks } from "../support/markdown.ts";
import { type App, expectedInstall } from "../support/package/app.ts";
import type { Packed } from "../support/package/build.ts";
import { QUIET_ENV, run } from "../support/package/process.ts";
import { collectHovers, type Flavour, type Hover } from "../support/package/quick-info.ts";
import { installedApp, packedPackage, specServer } from "../support/package/resources.ts";
import { compileProject } from "../support/typescript.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let packed: Packed;
let app: App;
let name: string;
beforeAll(async () => {
  [packed, app] = await Promise.all([packedPackage(), installedApp()]);
  name = (JSON.parse(readFileSync(join(packed.dir, "package.json"), "utf8")) as { name: string }).name;
});

// in-process, as `tsc -p` would: the lib files and the package's declarations parsed once for all three
const compile = async (config: string) => compileProject(join(app.dir, config));
let nodenext: Promise<unknown> | undefined;
const compiledNodenext = () => (nodenext ??= compile("tsconfig.nodenext.json"));

describe.concurrent("a downstream app", () => {
  it("gets the package and its dependencies from the tarball, and nothing else", () => {
    const { devDependencies } = JSON.parse(readFileSync(join(packed.dir, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const installed = app.installed.filter((p) => p !== "").map((p) => p.split("node_modules/").at(-1)!);
    expect(installed).toEqual(expect.arrayContaining(expectedInstall(packed)));
    expect(
      installed.filter((p) => Object.hasOwn(devDependencies, p)),
      "devDependencies the install pulled in",
    ).toEqual([]);
  });

  it("compiles with the strictest settings under NodeNext, every docs snippet included", async () => {
    expect(app.snippets.modules.length + app.snippets.tests.length).toBeGreaterThan(0);
    await compiledNodenext();
  });

  it("compiles with the strictest settings under Bundler resolution", async () => {
    await compile("tsconfig.bundler.json");
  });

  it("gets declarations that compile with the strictest settings themselves (as skipLibCheck: false would check them)", async () => {
    // each .d.mts/.d.cts copied as a source module and compiled under the app's settings: the
    // package's own declarations are checked, not every other library's, which skipLibCheck: false
    // would check too
    const dist = join(app.dir, "node_modules", name, "dist");
    const into = join(app.dir, "declarations");
    mkdirSync(into, { recursive: true });
    const copied = readdirSync(dist).filter((f) => /\.d\.[cm]ts$/.test(f));
    for (const file of copied) copyFileSync(join(dist, file), join(into, file.replace(/\.d\.([cm]ts)$/, ".$1")));
    expect(copied).toHaveLength(6);
    await compile("tsconfig.declarations.json");
  });

  it("runs its ESM and CJS entry points against a server, configured by the environment", async () => {
    const [, server] = await Promise.all([compiledNodenext(), specServer()]);
    const env = { ...QUIET_ENV, LEADCONDUIT_BASE_URL: server.url, LEADCONDUIT_API_KEY: server.apiKey };
    for (const file of ["out/src/esm.mjs", "out/src/cjs.cjs"]) {
      const ran = await run(process.execPath, [file], { cwd: app.dir, env });
      expect(ran.stdout, file).toMatch(/\S/);
    }
  });

  it("passes its own vitest suite: the kit, MSW, and the docs' testing examples as written", async () => {
    expect(app.snippets.tests.length, 'the docs\' "Testing your app" examples').toBeGreaterThanOrEqual(2);
    const vitest = join(app.dir, "node_modules", "vitest", "vitest.mjs");
    await run(process.execPath, [vitest, "run", "--reporter=dot", "--reporter=json", "--outputFile.json=vitest.json"], {
      cwd: app.dir,
      timeoutMs: 180_000,
    });
    const report = JSON.parse(readFileSync(join(app.dir, "vitest.json"), "utf8")) as JsonTestResults;
    const files = report.testResults.map((r) => r.name.slice(r.name.indexOf("/test/") + 1));
    expect(report.numFailedTests).toBe(0);
    expect(files).toEqual(expect.arrayContaining(["test/cjs.spec.ts", "test/msw.spec.ts", "test/partners.spec.ts"]));
    expect(files.filter((f) => f.startsWith("test/docs/"))).toHaveLength(app.snippets.tests.length);
  });

  let hovers: Record<Flavour, Hover[]> | undefined;
  for (const flavour of ["esm", "cjs"] as const)
    it(`documents everything a user hovers, through the ${flavour === "esm" ? ".d.mts" : ".d.cts"} declarations`, () => {
      hovers ??= collectHovers(
        app.dir,
        ["", "/testing", "/msw"].map((entry) => `${name}${entry}`),
      );
      const seen = hovers[flavour];
      expect(seen.length).toBeGreaterThan(100);
      expect(seen.filter((h) => h.text === "").map((h) => `${h.name} (${h.file})`)).toEqual([]);
      expect(seen.filter((h) => !h.file.includes(`node_modules/${name}/`)).map((h) => `${h.name} → ${h.file}`)).toEqual(
        [],
      );
    });

  it("exports the bundled spec as openapi.json and openapi.yaml, with no external $ref", () => {
    const require = createRequire(join(app.dir, "package.json"));
    const json = JSON.parse(readFileSync(require.resolve(`${name}/openapi.json`), "utf8")) as unknown;
    const yaml = parse(readFileSync(require.resolve(`${name}/openapi.yaml`), "utf8")) as unknown;
    expect(yaml).toEqual(json);
    expect(json).toEqual(JSON.parse(readFileSync(join(ROOT, "generated", "openapi.json"), "utf8")));
    expect(JSON.stringify(json).match(/"\$ref":"(?!#)[^"]*"/g) ?? []).toEqual([]);
  });

  it("ships docs that link to nothing the tarball lacks", () => {
    const files = new Set(packed.info.files.map((f) => f.path));
    const docs = [...files].filter((f) => f.endsWith(".md"));
    expect(docs).toEqual(expect.arrayContaining(["README.md", "docs/testing.md", "docs/contract-gate.md"]));
    for (const doc of docs)
      expect(brokenLinks(readFileSync(join(packed.dir, doc), "utf8"), files, doc), doc).toEqual([]);
  });
});
