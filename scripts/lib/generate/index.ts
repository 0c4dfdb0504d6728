// Every derived file: the blocks of the docs that code holds (scripts/lib/docs/renderers.ts), and everything
// generated/ holds, from spec/leadconduit.yaml:
//   openapi.json            the spec bundled into one JSON document (what the package ships)
//   leadconduit.ts          the TypeScript types (openapi-typescript)
//   api.js, .d.ts           the API's version and the client's typed methods (methods.ts)
//   validators.js, .d.ts    the client's precompiled validators and routes (generate-validators.ts)
//   testing.js, .d.ts       the testing kit's contract module (lib/testing-module.ts)
// `--check` (the drift check of npm test and the gate) writes nothing and fails, naming each
// stale file and what to run, when any committed file is not what the spec produces.
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, {
  astToString,
  COMMENT_HEADER,
  type SchemaObject,
  STRING,
  tsIntersection,
  tsLiteral,
  tsUnion,
} from "openapi-typescript";
import ts from "typescript";
import { errorForStatus } from "../../../src/client/errors.ts";
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";
import { specFromDocument } from "../../../src/gate/spec-model.ts";
import { renderedDocuments } from "../docs/renderers.ts";
import { inRoot, PATHS, ROOT } from "../paths.ts";
import { bundleSpec } from "./bundle.ts";
import { generateApi } from "./methods.ts";
import { generateTestingModule } from "./testing-module.ts";
import { generateValidators } from "./validators.ts";

/** generated/leadconduit.ts as openapi-typescript makes it from the spec at `specUrl`. */
export async function generateTypes(specUrl: URL): Promise<string> {
  return COMMENT_HEADER + astToString(await openapiTS(specUrl, { transform: openEnumType }));
}

/**
 * An enum the spec marks open (`x-leadconduit-open-enum`) as `Known | (string & {})`: any string
 * type-checks, so a value added later is no type error, while editors still offer the known ones
 * (a bare `| string` would swallow them).
 */
function openEnumType(schema: SchemaObject): ts.TypeNode | undefined {
  const { enum: values } = schema as { enum?: unknown[] };
  if ((schema as Record<string, unknown>)[OPEN_ENUM_EXTENSION] !== true || !Array.isArray(values)) return undefined;
  const anyString = ts.factory.createParenthesizedType(tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]));
  return tsUnion([...values.map((value) => tsLiteral(value)), anyString]);
}

/** Every generated file and its content, as the spec makes them now. */
async function generatedFiles(): Promise<[path: string, text: string][]> {
  const [types, document] = await Promise.all([generateTypes(pathToFileURL(PATHS.spec)), bundleSpec(PATHS.spec)]);
  const spec = specFromDocument(document);
  const validators = await generateValidators(spec);
  const api = generateApi(spec, (status) => errorForStatus({ status }).name);
  const testing = await generateTestingModule(spec);
  return [
    ...(await renderedDocuments({ spec })),
    [inRoot("generated", "openapi.json"), `${JSON.stringify(document, null, 2)}\n`],
    [inRoot("generated", "leadconduit.ts"), types],
    [inRoot("generated", "api.js"), api.js],
    [inRoot("generated", "api.d.ts"), api.dts],
    [inRoot("generated", "validators.js"), validators.js],
    [inRoot("generated", "validators.d.ts"), validators.dts],
    [inRoot("generated", "testing.js"), testing.js],
    [inRoot("generated", "testing.d.ts"), testing.dts],
  ];
}

const read = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** The generated files that are not what the spec produces now, relative to the root (none: up to date). */
export async function staleFiles(): Promise<{ stale: string[]; files: number }> {
  const files = await generatedFiles();
  return {
    stale: files.filter(([path, text]) => read(path) !== text).map(([path]) => relative(ROOT, path)),
    files: files.length,
  };
}

/** What the drift check says, in one line for its result, and how to fix it. */
export function describeStale({ stale, files }: { stale: string[]; files: number }): string {
  if (stale.length === 0)
    return `generated/ and the docs' generated blocks are what their sources produce (${files} files)`;
  return (
    `not what their sources produce: ${stale.join(", ")}\n` +
    "run `npm run generate` and commit the result (generated/ and the docs' generated blocks are never edited by hand)"
  );
}

/** Writes generated/, or with `check` compares it with what the spec produces; returns the exit code. */
export async function runGenerate(check: boolean): Promise<number> {
  if (check) {
    const result = await staleFiles();
    const [first, ...rest] = describeStale(result).split("\n");
    (result.stale.length ? console.error : console.log)(`${result.stale.length ? "✘" : "✓"} ${first}`);
    for (const line of rest) console.error(`  ${line}`);
    return result.stale.length ? 1 : 0;
  }
  const written = writeChanged(await generatedFiles(), read, writeFileSync);
  console.log(`✓ ${describeWritten(written)}`);
  return 0;
}

/**
 * Writes the files whose text changed and leaves the others untouched, modification time
 * included (an editor or a watcher sees only what the spec change touched).
 */
export function writeChanged(
  files: readonly (readonly [path: string, text: string])[],
  readText: (path: string) => string | undefined,
  write: (path: string, text: string) => void,
): { changed: string[]; unchanged: number } {
  const changed = files.filter(([path, text]) => readText(path) !== text);
  for (const [path, text] of changed) write(path, text);
  return { changed: changed.map(([path]) => relative(ROOT, path)), unchanged: files.length - changed.length };
}

/** `wrote generated/api.js, README.md; 10 unchanged`, or that nothing changed. */
export function describeWritten({ changed, unchanged }: { changed: string[]; unchanged: number }): string {
  if (changed.length === 0) return `nothing changed: the ${unchanged} generated files are what the spec produces`;
  return `wrote ${changed.join(", ")}${unchanged ? `; ${unchanged} unchanged` : ""}`;
}
