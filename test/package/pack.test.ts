// The tarball as `npm pack` makes it from a clean checkout (test/support/package/build.ts): the
// files the package promises and nothing more, openapi-fetch left to the installer, no Ajv at run
// time, the kit's entries free of imports, and no complaint from publint or Are the Types Wrong.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, it } from "vitest";
import type { Packed } from "../support/package/build.ts";
import { run } from "../support/package/process.ts";
import { packedPackage } from "../support/package/resources.ts";

/** What dist/ must hold: the client, the kit and its MSW handlers (ESM, CJS, declarations of each), the spec. */
const ENTRIES = ["index", "testing", "msw"];
const DIST_FILES = [
  ...ENTRIES.flatMap((entry) => [`${entry}.cjs`, `${entry}.d.cts`, `${entry}.d.mts`, `${entry}.mjs`]),
  "openapi.json",
  "openapi.yaml",
];

let packed: Packed;
beforeAll(async () => {
  packed = await packedPackage();
});

const importsOf = (code: string) =>
  [...code.matchAll(/(?:^import\s[^"']*|\brequire\()["']([^"']+)["']/gm)].map((m) => m[1]!);

describe("the tarball", () => {
  it("holds dist/ (every entry as ESM, CJS and their declarations, the spec), the bin, the manifests and the docs, and nothing else", () => {
    const paths = packed.info.files.map((f) => f.path).sort();
    expect(paths.filter((p) => p.startsWith("dist/"))).toEqual(DIST_FILES.map((f) => `dist/${f}`).sort());
    expect(readdirSync(join(packed.dir, "dist")).sort()).toEqual([...DIST_FILES].sort());
    const docs = readdirSync(join(packed.dir, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`);
    const expected = ["CHANGELOG.md", "CONTRIBUTING.md", "LICENSE", "README.md", ...docs];
    expected.push("bin/leadconduit-contract.mjs", "msw/package.json", "package.json", "testing/package.json");
    expect(paths.filter((p) => !p.startsWith("dist/"))).toEqual(expected.sort());
  });

  it("leaves openapi-fetch to the installer and imports no Ajv at run time", () => {
    const dist = join(packed.dir, "dist");
    for (const file of ["index.mjs", "index.cjs"]) {
      const imported = importsOf(readFileSync(join(dist, file), "utf8"));
      expect(imported, file).toEqual(["openapi-fetch"]);
    }
  });

  it("sends User-Agent: leadconduit-client/<the packed version>, from both builds", async () => {
    const { version } = JSON.parse(readFileSync(join(packed.dir, "package.json"), "utf8")) as { version: string };
    const load = createRequire(join(packed.dir, "package.json"));
    const builds = [
      (await import(
        pathToFileURL(join(packed.dir, "dist", "index.mjs")).href
      )) as typeof import("../../src/client/index.ts"),
      load(join(packed.dir, "dist", "index.cjs")) as typeof import("../../src/client/index.ts"),
    ];
    for (const build of builds) {
      const agents: (string | null)[] = [];
      const lc = build.createLeadConduitClient({
        apiKey: "sk-packed",
        baseUrl: "https://api.test",
        validateResponses: false,
        fetch: async (input, init) => {
          agents.push(new Request(input, init).headers.get("user-agent"));
          return new Response("{}", { status: 401 });
        },
      });
      await lc.invitations.createRecipient({ email: "a@example.com" }).catch(() => {});
      expect(agents).toEqual([`leadconduit-client/${version}`]);
    }
  });

  it("keeps the kit free of imports: the testing entry imports nothing, the MSW entry only msw", () => {
    const dist = join(packed.dir, "dist");
    for (const [entry, allowed] of [
      ["testing", []],
      ["msw", ["msw"]],
    ] as const) {
      for (const file of [`${entry}.mjs`, `${entry}.cjs`]) {
        expect(importsOf(readFileSync(join(dist, file), "utf8")), file).toEqual(allowed);
      }
    }
  });

  it("gets no error, warning or suggestion from publint", async () => {
    const tarball = readFileSync(packed.tarball);
    const { messages, pkg } = await publint({
      pkgDir: "package",
      level: "suggestion",
      strict: true,
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`)).toEqual([]);
  });

  it("has types that resolve in every mode (Are the Types Wrong, strict profile)", async () => {
    const attw = join(
      createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json"),
      "..",
      "dist",
      "index.js",
    );
    // the spec files are data, not modules with types
    const args = [
      attw,
      packed.tarball,
      "--profile",
      "strict",
      "--exclude-entrypoints",
      "./openapi.yaml",
      "./openapi.json",
    ];
    const ran = await run(process.execPath, [...args, "--format", "json"], { cwd: packed.dir, ok: [0, 1] });
    const { analysis } = JSON.parse(ran.stdout) as { analysis: { problems: unknown[] } };
    if (analysis.problems.length) {
      const human = await run(process.execPath, [...args, "--format", "ascii"], { cwd: packed.dir, ok: [0, 1] });
      expect.fail(human.stdout);
    }
    expect(ran.code).toBe(0);
  });
});
