// Bundled size of an ESM entry, minified and gzipped, with everything it imports bundled in:
// what a browser app pays for the package. Deterministic for a given esbuild version.
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";
import { routes } from "../../generated/validators.js";

/** Replaces the precompiled validators with no-op ones (the routes kept), to measure what they cost. */
const withoutValidators: Plugin = {
  name: "without-validators",
  setup(b) {
    b.onResolve({ filter: /generated\/validators\.js$/ }, (args) => ({ path: args.path, namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents:
        "const ok = () => true; const op = { body: ok, pathParams: { entityId: ok }, shape: ok, success: ok };" +
        `export const operations = { ${Object.keys(routes)
          .map((id) => `${id}: op`)
          .join(", ")} };` +
        `export const routes = ${JSON.stringify(routes)};`,
      loader: "js",
    }));
  },
};

export async function bundledSize(entry: string, options: { stubValidators?: boolean } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    mainFields: ["module", "main"],
    plugins: options.stubValidators ? [withoutValidators] : [],
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}
