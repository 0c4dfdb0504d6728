// The peer: @hey-api/openapi-ts (pinned in devDependencies) with its fetch client, generated
// from spec/leadconduit.yaml at bench time into .tmp/bench/hey-api/ (ignored by git), then
// bundled with esbuild into one ESM file that every Node version imports. Nothing generated is
// committed, so there is nothing to drift; the output is rebuilt whenever the spec, the
// generator's version or this recipe changes. The generated code is never edited.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build, version as esbuildVersion } from "esbuild";
import { ROOT } from "../scripts/lib/paths.ts";

const SPEC = join(ROOT, "spec", "leadconduit.yaml");
const DIR = join(ROOT, ".tmp", "bench", "hey-api");

/** The generator's configuration: its fetch client, the SDK functions and the types. */
const CONFIG = {
  plugins: ["@hey-api/client-fetch", "@hey-api/sdk", "@hey-api/typescript"],
} as const;

/** What an app imports from the generated folder: every SDK function and the client factory. */
const ENTRY = `export * from "./src/sdk.gen";\nexport { createClient, createConfig } from "./src/client";\n`;

interface HeyApiBuild {
  version: string;
  /** the app-side entry (TypeScript, generated sources), for the size table */
  entry: string;
  /** the same, bundled to one ESM file, for the workers and the cold start */
  bundle: string;
}

const heyApiVersion = (): string =>
  (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@hey-api/openapi-ts/package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/** Identifies one generation: the spec, the generator, the bundler and this recipe. */
export function recipeKey(spec: string, version: string): string {
  return createHash("sha256").update(JSON.stringify({ spec, version, esbuildVersion, CONFIG, ENTRY })).digest("hex");
}

export async function heyApiSdk(): Promise<HeyApiBuild> {
  const version = heyApiVersion();
  const key = recipeKey(readFileSync(SPEC, "utf8"), version);
  const out = { version, entry: join(DIR, "entry.ts"), bundle: join(DIR, "sdk.mjs") };
  const stamp = join(DIR, "stamp");
  if (existsSync(out.bundle) && existsSync(stamp) && readFileSync(stamp, "utf8") === key) return out;

  const { createClient } = await import("@hey-api/openapi-ts");
  await createClient({
    input: SPEC,
    output: { path: join(DIR, "src"), clean: true },
    plugins: [...CONFIG.plugins],
    logs: { level: "silent", file: false },
  });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(out.entry, ENTRY);
  await build({
    entryPoints: [out.entry],
    outfile: out.bundle,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    logLevel: "error",
  });
  writeFileSync(stamp, key);
  return out;
}
