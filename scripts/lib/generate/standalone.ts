// What the generators of generated/ share: dropping annotation keywords from schemas, and turning
// Ajv standalone code into one self-contained ES module (esbuild inlines the format checks and
// Ajv's runtime helpers), so the shipped validators run in Node, Bun, Deno and browsers without
// Ajv. Used by validators.ts (validators.js) and testing-module.ts (testing.js).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { _ } from "ajv/dist/2020.js";
import { build } from "esbuild";
import { createSpecAjv, type Spec } from "../../../src/gate/spec-model.ts";
import { PATHS, ROOT } from "../paths.ts";
export const GENERATED_HEADER =
  "// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.\n";

/** Keywords that do not change what validates; dropping them keeps the shipped code small. */
const ANNOTATIONS = new Set([
  "description",
  "examples",
  "example",
  "title",
  "readOnly",
  "writeOnly",
  "deprecated",
  "externalDocs",
  "xml",
]);

/** A copy of a schema without the given keywords (property names are kept whatever they are). */
export function stripKeys<T>(node: T, keys: ReadonlySet<string>): T {
  if (Array.isArray(node)) return node.map((item) => stripKeys(item, keys)) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps names to schemas; a property may be called "description" or "format".
    if (key === "properties" || key === "$defs") {
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, stripKeys(v, keys)]));
    } else if (!keys.has(key)) {
      out[key] = stripKeys(value, keys);
    }
  }
  return out as T;
}

/**
 * The spec without annotations, and an Ajv on it that emits standalone code whose format checks
 * come from `./formats.cjs` (the `formats` a bundle gets). Both generators start here.
 */
export function standaloneAjv(spec: Spec, formats: "fast" | "full") {
  const stripped: Spec = { ...spec, schemaDocument: stripKeys(spec.schemaDocument, ANNOTATIONS) };
  // inlineRefs off: one compiled function per component, shared by every check that uses it
  const code = { source: true, lines: true, formats: _`require("./formats.cjs")` };
  return { spec: stripped, ajv: createSpecAjv(stripped, { inlineRefs: false, code }, formats) };
}

/** What validatorRegistry needs of Ajv. */
interface SchemaHolder {
  addSchema(schema: object): unknown;
}

/**
 * Adds each distinct schema to Ajv once and names its export: `name(component)` where the schema
 * is a bare `$ref` to a component (exported as that component itself: a wrapper schema would
 * compile its own copy of everything the component refers to, as Ajv keeps compiled refs per
 * root schema), the fallback name else. Operations that share a schema share its function.
 */
export function validatorRegistry(ajv: SchemaHolder) {
  const exportsByName: Record<string, string> = {};
  const byKey = new Map<string, string>();
  const of = (schema: object, fallbackName: string, name: (component: string) => string = (c) => c): string => {
    const stripped = stripKeys(schema as Record<string, unknown>, ANNOTATIONS);
    const key = JSON.stringify(stripped);
    const known = byKey.get(key);
    if (known) return `v.${known}`;
    const ref = stripped.$ref;
    const bare = Object.keys(stripped).length === 1 && typeof ref === "string" && ref.includes("#/$defs/");
    const exported = bare ? name(ref.slice(ref.lastIndexOf("/") + 1)) : fallbackName;
    if (exportsByName[exported]) throw new Error(`spec: two different schemas would both be named ${exported}`);
    if (!bare) ajv.addSchema({ ...stripped, $id: exported });
    exportsByName[exported] = bare ? ref : exported;
    byKey.set(key, exported);
    return `v.${exported}`;
  };
  return { of, exportsByName };
}

export interface StandaloneSources {
  /** Ajv's standalone code (CommonJS), which requires `./formats.cjs` for its format checks */
  standalone: string;
  /** ./formats.cjs: the format checks the validators call */
  formats: string;
  /** the ES module to bundle; it imports the validators as `./standalone.cjs` */
  entry: string;
}

/** Bundles the sources into one ES module (the generated-file header included). */
export async function bundleStandalone(sources: StandaloneSources): Promise<string> {
  mkdirSync(PATHS.tmp, { recursive: true });
  const dir = mkdtempSync(join(PATHS.tmp, "validators-"));
  try {
    writeFileSync(join(dir, "standalone.cjs"), sources.standalone);
    writeFileSync(join(dir, "formats.cjs"), sources.formats);
    writeFileSync(join(dir, "entry.mjs"), sources.entry);
    const result = await build({
      entryPoints: [join(dir, "entry.mjs")],
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      write: false,
      legalComments: "none",
      absWorkingDir: ROOT,
      nodePaths: [join(ROOT, "node_modules")],
    });
    // esbuild names each module in a comment, relative to the working directory; the temp
    // dir's random name is replaced to keep the output stable
    return GENERATED_HEADER + result.outputFiles[0]!.text.replaceAll(relative(ROOT, dir), "<tmp>");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
