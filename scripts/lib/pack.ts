// Packs the package the way `npm publish` would: `npm pack` runs `prepack`, which builds dist/,
// so a fresh clone packs a complete tarball. Every later check works on this one tarball.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runOrThrow } from "./run.ts";

interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export interface Packed {
  /** absolute path of the .tgz */
  tarball: string;
  info: PackInfo;
}

/** The files dist/ must hold: the client, the testing kit and its MSW handlers (ESM, CJS, declarations of each), the spec. */
export const DIST_FILES = [
  ...["index", "testing", "msw"].flatMap((entry) => [
    `${entry}.cjs`,
    `${entry}.d.cts`,
    `${entry}.d.mts`,
    `${entry}.mjs`,
  ]),
  "openapi.json",
  "openapi.yaml",
];

export async function packTarball(root: string, destination: string, env: NodeJS.ProcessEnv): Promise<Packed> {
  const packed = await runOrThrow("npm pack", "npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: root,
    env,
    timeoutMs: 180_000,
  });
  // prepack's build prints to stdout too; npm's JSON report is the last top-level array
  const start = packed.stdout.lastIndexOf("\n[\n");
  const info = (JSON.parse(packed.stdout.slice(start + 1)) as PackInfo[])[0]!;
  const missing = DIST_FILES.filter((file) => !info.files.some((f) => f.path === `dist/${file}`));
  if (missing.length) throw new Error(`the tarball lacks dist/${missing.join(", dist/")}`);
  assertDistImports(root);
  return { tarball: join(destination, info.filename), info };
}

/** openapi-fetch stays an external dependency, never bundled, and nothing imports Ajv at run time. */
function assertDistImports(root: string): void {
  const dist = join(root, "dist");
  const esm = readFileSync(join(dist, "index.mjs"), "utf8");
  const cjs = readFileSync(join(dist, "index.cjs"), "utf8");
  if (!esm.includes('from "openapi-fetch"') || !cjs.includes('require("openapi-fetch")')) {
    throw new Error("openapi-fetch is not imported as an external dependency by dist/");
  }
  // (the validators keep `"require(\"ajv/...\")"` as an inert string, which this does not match)
  if (esm.includes('from "ajv') || cjs.includes('require("ajv')) throw new Error("dist/ imports ajv at run time");
  assertKitImports(dist);
  const extra = readdirSync(dist).filter((f) => !DIST_FILES.includes(f));
  if (extra.length) throw new Error(`dist/ holds files nobody asked for: ${extra.join(", ")}`);
}

/** The kit's entries run wherever the client runs: they import nothing but `msw` (the MSW entry only). */
function assertKitImports(dist: string): void {
  for (const [entry, allowed] of [
    ["testing", []],
    ["msw", ["msw"]],
  ] as const) {
    for (const file of [`${entry}.mjs`, `${entry}.cjs`]) {
      const code = readFileSync(join(dist, file), "utf8");
      const imported = [...code.matchAll(/(?:^import\s[^"']*|\brequire\()["']([^"']+)["']/gm)].map((m) => m[1]!);
      const stray = imported.filter((name) => !(allowed as readonly string[]).includes(name));
      if (stray.length)
        throw new Error(
          `dist/${file} imports ${stray.join(", ")}; the kit may import only ${allowed.join(", ") || "nothing"}`,
        );
    }
  }
}
