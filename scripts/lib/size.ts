// Bundled size of an ESM entry, minified and gzipped, with everything it imports bundled in:
// what a browser app pays for the package, and which of its modules the bytes come from.
// Deterministic for a given esbuild version.
import { relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { ROOT } from "./paths.ts";

export interface Size {
  minified: number;
  gzip: number;
}

/** A part of a bundle: the inputs whose path (relative to the root) it claims. */
export interface ModuleGroup {
  name: string;
  claims: (input: string) => boolean;
}

/** A part's size: its minified bytes in the bundle, and those bytes gzipped alone. */
export interface PartSize extends Size {
  name: string;
}

const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).byteLength;

async function bundle(entry: string, sourcemap: boolean) {
  return build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    mainFields: ["module", "main"],
    absWorkingDir: ROOT,
    // a checkout whose node_modules is a link (a worktree) names its packages as this one does
    preserveSymlinks: true,
    ...(sourcemap ? { metafile: true, sourcemap: "external", outfile: `${ROOT}size.js` } : {}),
  });
}

export async function bundledSize(entry: string): Promise<Size> {
  const code = (await bundle(entry, false)).outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzip(code) };
}

/**
 * The bundle's size, and each group's: the bytes esbuild put in for the group's inputs, and
 * those bytes gzipped alone (so the parts' gzip figures add up to more than the whole's, which
 * shares one dictionary). A last part, "the rest", holds every input no group claims and esbuild's
 * own glue.
 */
export async function bundledSizeByModule(
  entry: string,
  groups: readonly ModuleGroup[],
): Promise<Size & { parts: PartSize[] }> {
  const result = await bundle(entry, true);
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"))!.text;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith(".map"))!.text) as SourceMap;
  const inputs = result.metafile!.outputs["size.js"]!.inputs;
  const owner = (input: string) => groups.find((g) => g.claims(input))?.name ?? REST;
  const code = new Map<string, string>();
  for (const { source, text } of slices(js, map)) {
    const name =
      source === undefined ? REST : owner(relative(ROOT, source.startsWith("/") ? source : `${ROOT}${source}`));
    code.set(name, (code.get(name) ?? "") + text);
  }
  const parts = [...groups.map((g) => g.name), REST].map((name) => ({
    name,
    minified: minifiedBytes(inputs, name, owner, js.length),
    gzip: gzip(code.get(name) ?? ""),
  }));
  return { minified: Buffer.byteLength(js), gzip: gzip(js), parts };
}

const REST = "the rest";

/** esbuild's count of a group's bytes; the rest also takes what no input accounts for (its glue). */
function minifiedBytes(
  inputs: Metafile["outputs"][string]["inputs"],
  name: string,
  owner: (input: string) => string,
  total: number,
): number {
  const of = (n: string) =>
    Object.entries(inputs)
      .filter(([input]) => owner(input) === n)
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
  if (name !== REST) return of(name);
  const claimed = Object.values(inputs).reduce((sum, i) => sum + i.bytesInOutput, 0);
  return of(REST) + total - claimed;
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one source-map segment (base64 VLQ). */
function segment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** The generated code cut where the source map says the source changes: each piece with its source (none: esbuild's own). */
function slices(js: string, map: SourceMap): { source: string | undefined; text: string }[] {
  const lineStarts = [0];
  for (let i = 0; i < js.length; i++) if (js[i] === "\n") lineStarts.push(i + 1);
  const marks: { at: number; source: string | undefined }[] = [{ at: 0, source: undefined }];
  let source = 0;
  map.mappings.split(";").forEach((line, row) => {
    let column = 0;
    for (const text of line ? line.split(",") : []) {
      const [dColumn = 0, dSource] = segment(text);
      column += dColumn;
      if (dSource !== undefined) source += dSource;
      marks.push({ at: lineStarts[row]! + column, source: dSource === undefined ? undefined : map.sources[source] });
    }
  });
  return marks.map((m, i) => ({ source: m.source, text: js.slice(m.at, marks[i + 1]?.at ?? js.length) }));
}

/** The parts of the client's main entry: the generated validators, openapi-fetch, the client's own code. */
export const CLIENT_MODULES: readonly ModuleGroup[] = [
  { name: "validators (generated/validators.js)", claims: (input) => input === "generated/validators.js" },
  { name: "openapi-fetch", claims: (input) => input.startsWith("node_modules/openapi-fetch/") },
  { name: "src/client", claims: (input) => input.startsWith("src/client/") },
];
