// What the generators of generated/ share: dropping annotation keywords from schemas, and turning
// Ajv standalone code (its ES module flavour) into one self-contained ES module (esbuild inlines
// the format checks and Ajv's runtime helpers, and drops what nothing uses), so the shipped
// validators run in Node, Bun, Deno and browsers without Ajv. Used by validators.ts
// (validators.js) and testing-module.ts (testing.js).
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
 * The spec without annotations, and an Ajv on it that emits standalone code (an ES module) whose
 * format checks are inlined where the format is a regular expression, and come from
 * `./formats.cjs` (the `formats` a bundle gets) where it is a function. Both generators start here.
 */
export function standaloneAjv(spec: Spec, formats: "fast" | "full") {
  const stripped: Spec = { ...spec, schemaDocument: stripKeys(spec.schemaDocument, ANNOTATIONS) };
  // inlineRefs off: one compiled function per component, shared by every check that uses it
  const code = { source: true, lines: true, esm: true, formats: _`require("./formats.cjs")` };
  const ajv = createSpecAjv(stripped, { inlineRefs: false, code }, formats);
  // Ajv2020 always emits the bookkeeping that unevaluated* and $dynamicRef need (a record of the
  // properties each function evaluated, the dynamic anchors passed down every call): a tenth of
  // the code, for keywords this spec does not use. Off then; this Ajv only ever emits code.
  if (!DYNAMIC_KEYWORDS.some((k) => JSON.stringify(spec.document).includes(`"${k}":`))) {
    Object.assign(ajv.opts, { unevaluated: false, dynamicRef: false });
  }
  return { spec: stripped, ajv };
}

/** The keywords whose answers depend on Ajv2020's bookkeeping of evaluated properties and dynamic scopes. */
const DYNAMIC_KEYWORDS = [
  "unevaluatedProperties",
  "unevaluatedItems",
  "$dynamicRef",
  "$dynamicAnchor",
  "$recursiveRef",
  "$recursiveAnchor",
];

/**
 * Component names, each after the components it refers to (cycles aside). Ajv shares a compiled component with
 * the schemas compiled after it; compiled before, a component referred to is compiled again.
 */
export function dependencyOrder(defs: Record<string, unknown>): string[] {
  const refsOf = (name: string) =>
    [...JSON.stringify(defs[name]).matchAll(/"\$ref":"[^"#]*#\/\$defs\/([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((r) => r in defs);
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) return; // a recursive schema: Ajv compiles the cycle once either way
    for (const ref of refsOf(name)) visit(ref, [...path, name]);
    ordered.push(name);
  };
  for (const name of Object.keys(defs)) visit(name, []);
  return ordered;
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
 * `exports()` lists them for Ajv's standalone code in the order that compiles each component
 * once: components after those they refer to (`order`, component names), then the other schemas.
 */
export function validatorRegistry(ajv: SchemaHolder, order: readonly string[] = []) {
  const exportsByName: Record<string, string> = {};
  const byKey = new Map<string, string>();
  const rank = (ref: string) => {
    const at = order.indexOf(ref.slice(ref.lastIndexOf("/") + 1));
    return ref.includes("#/$defs/") && at >= 0 ? at : order.length;
  };
  const exports = () => Object.fromEntries(Object.entries(exportsByName).sort(([, a], [, b]) => rank(a) - rank(b)));
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
  return { of, exports };
}

export interface StandaloneSources {
  /** Ajv's standalone code (an ES module), which requires `./formats.cjs` for the format checks it does not inline */
  standalone: string;
  /** ./formats.cjs: the format checks the validators call (none when every one is inlined) */
  formats?: string;
  /** the ES module to bundle; it imports the validators as `./standalone.mjs` */
  entry: string;
}

/** Bundles the sources into one ES module (the generated-file header included). */
export async function bundleStandalone(sources: StandaloneSources): Promise<string> {
  mkdirSync(PATHS.tmp, { recursive: true });
  const dir = mkdtempSync(join(PATHS.tmp, "validators-"));
  try {
    writeFileSync(join(dir, "standalone.mjs"), sources.standalone);
    if (sources.formats !== undefined) writeFileSync(join(dir, "formats.cjs"), sources.formats);
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
      // a checkout whose node_modules is a link (a worktree) writes the paths this one does
      preserveSymlinks: true,
    });
    // esbuild names each module in a comment, relative to the working directory; the temp
    // dir's random name is replaced to keep the output stable
    return GENERATED_HEADER + result.outputFiles[0]!.text.replaceAll(relative(ROOT, dir), "<tmp>");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
