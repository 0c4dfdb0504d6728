// Compiles the spec's request and response schemas into standalone validator code
// (generated/validators.js + .d.ts), so the client validates without compiling a schema at
// import and without Ajv at run time. Run by scripts/generate.ts.
import standalone from "ajv/dist/standalone/index.js";
import { fastFormats, fullFormats } from "ajv-formats/dist/formats.js";
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";
import {
  closeObjects,
  jsonSchemaOf,
  type OperationSpec,
  requiredQuery,
  SCHEMA_DOC_ID,
  type Spec,
  successResponse,
} from "../../../src/gate/spec-model.ts";
import { CONSTRAINT_KEYWORDS } from "../constraint-keywords.ts";
import { leanCode } from "./lean-code.ts";
import {
  bundleStandalone,
  dependencyOrder,
  GENERATED_HEADER as HEADER,
  standaloneAjv,
  stripKeys,
  validatorRegistry,
} from "./standalone.ts";

// The "shape" validators drop the constraints a TypeScript type cannot state and check exactly
// what the generated type says (types, required, enums, nullability), cheaply enough to run on
// every response; the full "success" validators keep them.
const SHAPE_DOC_ID = "leadconduit-shape.json";
// What the "unlisted" validators keep: the structure (properties, items, refs, and the type of
// what has properties or items), closed to the properties the spec lists; their
// additionalProperties errors are all they are read for, so a leaf checks nothing.
const UNLISTED_DROPS = new Set([...CONSTRAINT_KEYWORDS, "enum", "const", "required"]);
const STRUCTURE = ["properties", "items", "prefixItems", "additionalProperties"];
const UNLISTED_DOC_ID = "leadconduit-unlisted.json";

// ajv-formats' regex-only "fast" checks (date-time and uri: 4x faster on an Entity; the contract
// tests and gates keep the full checks), but the full email check, the one that refuses input
// before it is sent. Each registered as the plain regular expression it is, which Ajv inlines in
// its code: the validators then need nothing of ajv-formats at run time. A fast format that is a
// function (none the spec uses today) comes from ajv-formats' module, as before.
const RUNTIME_FORMATS = { ...fastFormats, email: fullFormats.email };
const FUNCTION_FORMATS = 'module.exports = require("ajv-formats/dist/formats").fastFormats;\n';

/** A format as Ajv inlines it: its regular expression, when it is one or its definition holds one. */
function inlinable(format: unknown): RegExp | undefined {
  if (format instanceof RegExp) return format;
  const validate =
    typeof format === "object" && format !== null ? (format as { validate?: unknown }).validate : undefined;
  return validate instanceof RegExp ? validate : undefined;
}

export async function generateValidators(source: Spec): Promise<{ js: string; dts: string }> {
  const { spec, ajv } = standaloneAjv(source, "fast");
  for (const [name, format] of Object.entries(RUNTIME_FORMATS)) {
    const regex = inlinable(format);
    if (regex) ajv.addFormat(name, regex);
  }
  ajv.addSchema(shapeDocument(spec.schemaDocument));
  ajv.addSchema(toUnlisted({ ...spec.schemaDocument, $id: UNLISTED_DOC_ID }));
  const validators = validatorRegistry(ajv, dependencyOrder(spec.schemaDocument.$defs as Record<string, unknown>));
  const table = spec.operations.map((op) => operationEntry(op, validators.of));
  const routes = spec.operations.map((op) => [op.operationId, { method: op.method, path: op.path }] as const);
  const js = await bundleStandalone({
    standalone: leanCode(standalone.default(ajv, validators.exports())),
    formats: FUNCTION_FORMATS,
    entry:
      `import * as v from "./standalone.mjs";\nexport const operations = {\n${table.join("\n")}\n};\n` +
      `export const routes = ${JSON.stringify(Object.fromEntries(routes))};\n`,
  });
  const routeTypes = routes.map(
    ([id, r]) =>
      `  readonly ${id}: { readonly method: ${JSON.stringify(r.method)}; readonly path: ${JSON.stringify(r.path)} };`,
  );
  return {
    js,
    dts: `${DTS}/** Method and path of each operation, as openapi-fetch's client takes them. */\nexport declare const routes: {\n${routeTypes.join("\n")}\n};\n`,
  };
}

/** An operation's line of the `operations` table: its request checks, its 2xx shape and full checks. */
function operationEntry(op: OperationSpec, of: ReturnType<typeof validatorRegistry>["of"]): string {
  const id = op.operationId;
  // named after the component and the check: all three operations answer an InvitationResponse
  const check = (schema: object, kind: string) => of(schema, `${id}_${kind}`, (component) => `${component}_${kind}`);
  const body = op.body ? check(op.body.schema, "body") : "undefined";
  const params = op.pathParams.map((p) => `${JSON.stringify(p.name)}: ${check(p.schema, "path")}`);
  const query = op.queryParams.map((p) => `${JSON.stringify(p.name)}: ${check(p.schema, "query")}`);
  const required = requiredQuery(op).map((p) => p.name);
  // a 2xx without content (204, or a HEAD's answer) has no body to check
  const content = successResponse(op).content["application/json"] ? jsonSchemaOf(successResponse(op)) : undefined;
  const shape = content ? check(toShape(content), "shape") : "undefined";
  const success = content ? check(content, "success") : "undefined";
  const unlisted = content ? check(toUnlisted(content), "unlisted") : "undefined";
  return [
    `  ${id}: {`,
    `    body: ${body},`,
    `    pathParams: { ${params.join(", ")} },`,
    `    queryParams: { ${query.join(", ")} },`,
    `    requiredQuery: ${JSON.stringify(required)},`,
    `    statuses: ${JSON.stringify(op.responses.map((r) => r.status))},`,
    `    shape: ${shape},`,
    `    success: ${success},`,
    `    unlisted: ${unlisted},`,
    "  },",
  ].join("\n");
}

const DTS = `${HEADER}
import type { operations as Operations } from "./leadconduit.js";

/** One problem found by a validator: Ajv's ErrorObject, with the fields the client reads. */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  /** Ajv's params; these validators keep \`missingProperty\` (required) and \`additionalProperty\` (additionalProperties) only. */
  params?: Record<string, unknown>;
  message?: string;
}
export interface SchemaValidator<I extends ValidationIssue = ValidationIssue> {
  (data: unknown): boolean;
  errors?: I[] | null;
}
/** A validator that, when it passes, proves the value has type T. */
export interface TypeGuard<T, I extends ValidationIssue = ValidationIssue> {
  (data: unknown): data is T;
  errors?: I[] | null;
}

/** The operations of the spec, by operationId. */
export type OperationId = keyof Operations;
type JsonContent<R> = R extends { content: { "application/json": infer T } } ? T : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;
type Json2xx<K extends OperationId> = JsonContent<
  Operations[K]["responses"][Extract<keyof Operations[K]["responses"], SuccessStatus>]
>;
/** The JSON body of an operation's documented 2xx response; \`void\` when it documents none (a 204). */
export type SuccessBody<K extends OperationId> = [Json2xx<K>] extends [never] ? void : Json2xx<K>;

/** The checks of what a call sends. */
export interface RequestValidators {
  readonly body: SchemaValidator | undefined;
  /** one check per path parameter, in the order the path names them */
  readonly pathParams: Readonly<Record<string, SchemaValidator>>;
  /** one check per query parameter */
  readonly queryParams: Readonly<Record<string, SchemaValidator>>;
  /** the query parameters a call must send */
  readonly requiredQuery: readonly string[];
}
export interface OperationValidators<K extends OperationId> extends RequestValidators {
  /** The statuses the spec documents, as its keys are written: \`"200"\`, \`"2XX"\`, \`"default"\`. */
  readonly statuses: readonly string[];
  /** What the TypeScript type of the 2xx body states (types, required, enums), and nothing it cannot; none without content. */
  readonly shape: TypeGuard<SuccessBody<K>> | undefined;
  /** The whole schema of the first documented 2xx (formats, patterns and lengths too); none without content. */
  readonly success: TypeGuard<SuccessBody<K>> | undefined;
  /** Finds what a 2xx body carries that the spec does not list (a field the server added), as additionalProperties errors. */
  readonly unlisted: SchemaValidator | undefined;
}
export declare const operations: { readonly [K in OperationId]: OperationValidators<K> };
`;

/** The spec's schema document without its constraint keywords: what the shape checks refer to. */
export const shapeDocument = (schemaDocument: object) => toShape({ ...schemaDocument, $id: SHAPE_DOC_ID });

/**
 * A schema (or the schema document) as its TypeScript type states it: without its constraint
 * keywords, an open enum (OPEN_ENUM_EXTENSION) as its type alone, refs pointed at the shape document.
 */
export function toShape<T>(schema: T): T {
  const shaped = openEnums(stripKeys(schema, CONSTRAINT_KEYWORDS));
  return JSON.parse(JSON.stringify(shaped).replaceAll(`"${SCHEMA_DOC_ID}#`, `"${SHAPE_DOC_ID}#`)) as T;
}

/** A schema's structure closed to the properties it lists, refs pointed at the unlisted document. */
function toUnlisted<T>(schema: T): T {
  const closed = closeObjects(leafTypesDropped(stripKeys(schema, UNLISTED_DROPS)));
  return JSON.parse(JSON.stringify(closed).replaceAll(`"${SCHEMA_DOC_ID}#`, `"${UNLISTED_DOC_ID}#`)) as T;
}

/** Drops `type` where a schema has no properties or items: Ajv's strict types need it only there. */
function leafTypesDropped<T>(node: T): T {
  if (Array.isArray(node)) return node.map(leafTypesDropped) as T;
  if (node === null || typeof node !== "object") return node;
  const structural = STRUCTURE.some((k) => k in node);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` and `$defs` map names to schemas: a property may be called "type"
    if (key === "properties" || key === "$defs")
      out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, leafTypesDropped(v)]));
    else if (key !== "type") out[key] = leafTypesDropped(value);
    else if (structural) out[key] = value;
  }
  return out as T;
}

/** Drops the `enum` of every schema marked open: its type (a string) is what the TypeScript type promises. */
function openEnums<T>(node: T): T {
  if (Array.isArray(node)) return node.map(openEnums) as T;
  if (node === null || typeof node !== "object") return node;
  const open = (node as Record<string, unknown>)[OPEN_ENUM_EXTENSION] === true;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !(open && key === "enum"))
      .map(([key, value]) => [key, openEnums(value)]),
  ) as T;
}
