// The spec as the gates use it: its operations, their request and response schemas rewritten
// for Ajv2020 (strict), and where in the spec document each schema came from, so a violation
// can name the line of the schema it broke. Pure: no file system, no YAML. The repository
// reads spec/leadconduit.yaml through contract-tests/lib/spec.ts; the `leadconduit-contract` bin
// builds the same model from the package's dist/openapi.json.
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { OPEN_ENUM_EXTENSION } from "../client/spec-extensions.ts";
import { documentedStatus } from "../client/statuses.ts";

export const SCHEMA_DOC_ID = "leadconduit.json";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ResponseSpec {
  status: string;
  description: string;
  /** media type → JSON Schema (refs rewritten for Ajv) */
  content: Record<string, JsonObject>;
  /** media type → named examples' values */
  examples: Record<string, Record<string, Json>>;
}

/** A parameter of an operation, in the path or the query string. */
export interface ParameterSpec {
  name: string;
  required: boolean;
  /** JSON Schema (refs rewritten for Ajv) */
  schema: JsonObject;
  description?: string;
  example?: Json;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  /** the operation's first tag: the resource its typed method lives on */
  tag?: string;
  summary?: string;
  description?: string;
  body?: {
    required: boolean;
    contentType: string;
    schema: JsonObject;
    examples: Record<string, Json>;
    description?: string;
  };
  /** in the order the path names them */
  pathParams: ParameterSpec[];
  queryParams: ParameterSpec[];
  responses: ResponseSpec[];
  /** the operation object as the document has it, for what the model does not name (extensions) */
  raw: JsonObject;
}

export interface Spec {
  document: JsonObject;
  /** components.schemas as one JSON Schema document, `$id` = SCHEMA_DOC_ID */
  schemaDocument: JsonObject;
  operations: OperationSpec[];
  /** JSON pointer, in `document`, of every schema object above (and of each of their subschemas) */
  pointers: WeakMap<object, string>;
}

/** The operation keys of an OpenAPI path item, lower-case as the document writes them. */
export const METHODS: readonly string[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The model of an OpenAPI 3.1 document (parsed YAML or JSON). */
export function specFromDocument(document: JsonObject): Spec {
  const pointers = new WeakMap<object, string>();
  const schemas = components(document, "schemas");
  const defs: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas)) {
    defs[name] = rewriteRefs(schema, `/components/schemas/${escapePointer(name)}`, pointers);
  }
  return {
    document,
    schemaDocument: { $id: SCHEMA_DOC_ID, $defs: defs },
    operations: operationsOf(document, pointers),
    pointers,
  };
}

type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];

/**
 * Ajv2020 as every part of the project configures it: strict, all errors, formats on.
 * `formats: "full"` (tests, gates) checks formats completely; "fast" is for the client's
 * runtime validators (see scripts/lib/generate/validators.ts).
 */
export function createAjv(options: AjvOptions = {}, formats: "full" | "fast" = "full") {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, ...options });
  // ajv-formats is CommonJS; `.default` is the plugin under Node ESM, the module itself in a bundle.
  type Plugin = typeof formatsPlugin.default;
  const plugin: Plugin =
    (formatsPlugin as unknown as { default?: Plugin }).default ?? (formatsPlugin as unknown as Plugin);
  plugin(ajv, { mode: formats });
  // OpenAPI keywords that are annotations only, and this package's extensions (read by its
  // generators, not by validation); registering them keeps strict mode on.
  ajv.addVocabulary(["example", "xml", "externalDocs", "discriminator", OPEN_ENUM_EXTENSION]);
  return ajv;
}

/** An Ajv instance holding the spec's schemas, ready for `ajv.compile(schemaOf(...))`. */
export function createSpecAjv(spec: Spec, options: AjvOptions = {}, formats: "full" | "fast" = "full") {
  const ajv = createAjv(options, formats);
  ajv.addSchema(spec.schemaDocument);
  return ajv;
}

/**
 * Compiles each schema of the spec once, on first use (strict Ajv2020, full formats). Errors
 * carry `parentSchema` (Ajv's verbose mode), which `schemaPointerOf` turns into a spec location.
 */
export function specValidators(spec: Spec): (schema: object) => ValidateFunction {
  return compiledOnce(createSpecAjv(spec, { verbose: true }));
}

/** Compiles each schema once, on first use, after `prepare`; keyed by the schema object. */
function compiledOnce(ajv: Ajv2020, prepare = (schema: object) => schema): (schema: object) => ValidateFunction {
  const compiled = new WeakMap<object, ValidateFunction>();
  return (schema) => {
    const known = compiled.get(schema);
    if (known) return known;
    const validate = ajv.compile(prepare(schema));
    compiled.set(schema, validate);
    return validate;
  };
}

/**
 * A schema with every object it describes closed to the properties it lists (`additionalProperties:
 * false` where it lists properties and says nothing of others), for telling what a body carries
 * that the spec does not list yet: a field the server added. An object that lists no property is
 * left as it is (it takes any), and so is a part of an `allOf`, which lists only its own (a
 * component an `allOf` refers to is closed all the same: the spec has no `allOf`). `properties`
 * and `$defs` map names to schemas, whatever the names.
 */
export function closeObjects<T>(node: T, inAllOf = false): T {
  if (Array.isArray(node)) return node.map((item) => closeObjects(item, inAllOf)) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "properties" || key === "$defs"
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closeObjects(v)]))
        : closeObjects(value, key === "allOf");
  }
  const saysOfOthers = ["additionalProperties", "unevaluatedProperties", "patternProperties"].some((k) => k in out);
  if ("properties" in out && !saysOfOthers && !inAllOf) out.additionalProperties = false;
  return out as T;
}

/**
 * The check of what a body carries that the spec does not list (`closeObjects`), one per schema,
 * compiled on first use: its `additionalProperties` errors name each such property.
 */
export function unlistedValidators(spec: Spec): (schema: object) => ValidateFunction {
  const ajv = createAjv();
  ajv.addSchema(closeObjects(spec.schemaDocument));
  return compiledOnce(ajv, closeObjects);
}

/**
 * The JSON pointer, in the spec document, of the keyword an Ajv error (from `specValidators`)
 * is about: `/components/schemas/Entity/required`, `/components/schemas/Entity/properties/pending/type`.
 */
export function schemaPointerOf(spec: Spec, error: ErrorObject): string | undefined {
  const parent = error.parentSchema;
  const base = parent && typeof parent === "object" ? spec.pointers.get(parent) : undefined;
  return base === undefined ? undefined : `${base}/${escapePointer(error.keyword)}`;
}

/** The node a JSON pointer (RFC 6901: `/$defs/a~1b`) names in `document`, or undefined. */
export function atPointer(document: Json, pointer: string): Json | undefined {
  let node: Json | undefined = document;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
    node = node !== null && typeof node === "object" && !Array.isArray(node) ? node[key] : undefined;
  }
  return node;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function components(document: JsonObject, kind: string): JsonObject {
  const all = (document.components ?? {}) as JsonObject;
  return (all[kind] ?? {}) as JsonObject;
}

// `#/components/schemas/X` in the spec becomes `leadconduit.json#/$defs/X`, which resolves
// from any schema Ajv compiles, including the per-operation ones built below. Every object of
// the copy remembers where its original sits in the document.
function rewriteRefs<T extends Json>(node: T, pointer: string, pointers: WeakMap<object, string>): T {
  if (Array.isArray(node)) {
    const out = node.map((item, i) => rewriteRefs(item, `${pointer}/${i}`, pointers));
    pointers.set(out, pointer);
    return out as T;
  }
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${SCHEMA_DOC_ID}#/$defs/${value.slice("#/components/schemas/".length)}`
        : rewriteRefs(value, `${pointer}/${escapePointer(key)}`, pointers);
  }
  pointers.set(out, pointer);
  return out as T;
}

/** Follows `$ref`s to the object they name; returns it with its pointer. */
function deref(document: JsonObject, node: Json | undefined, pointer: string): { node: JsonObject; pointer: string } {
  let current = node as JsonObject;
  let at = pointer;
  for (let depth = 0; typeof current?.$ref === "string"; depth++) {
    if (depth > 16) throw new Error(`spec: $ref chain too deep at ${current.$ref}`);
    at = decodeURIComponent((current.$ref as string).replace(/^#/, ""));
    const target = atPointer(document, at);
    if (target === undefined) throw new Error(`spec: unresolved $ref ${current.$ref}`);
    current = target as JsonObject;
  }
  return { node: current, pointer: at };
}

function examplesOf(document: JsonObject, media: JsonObject, pointer: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (media.example !== undefined) out.example = media.example;
  for (const [name, ex] of Object.entries((media.examples ?? {}) as JsonObject)) {
    out[name] = deref(document, ex, `${pointer}/examples/${escapePointer(name)}`).node.value ?? null;
  }
  return out;
}

function operationsOf(document: JsonObject, pointers: WeakMap<object, string>): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as JsonObject)) {
    const pathItem = deref(document, item, `/paths/${escapePointer(path)}`);
    for (const method of METHODS) {
      const op = pathItem.node[method] as JsonObject | undefined;
      if (!op) continue;
      operations.push(readOperation(document, path, method, op, `${pathItem.pointer}/${method}`, pathItem, pointers));
    }
  }
  return operations;
}

function readOperation(
  document: JsonObject,
  path: string,
  method: string,
  op: JsonObject,
  at: string,
  pathItem: { node: JsonObject; pointer: string },
  pointers: WeakMap<object, string>,
): OperationSpec {
  const own = ((op.parameters ?? []) as Json[]).map((p, i) => deref(document, p, `${at}/parameters/${i}`));
  // the path item's parameters apply unless the operation redefines one (same name, same place)
  const inherited = ((pathItem.node.parameters ?? []) as Json[])
    .map((p, i) => deref(document, p, `${pathItem.pointer}/parameters/${i}`))
    .filter((p) => !own.some((o) => o.node.name === p.node.name && o.node.in === p.node.in));
  const params = [...inherited, ...own];
  const parameter = ({ node: p, pointer }: { node: JsonObject; pointer: string }): ParameterSpec => ({
    name: p.name as string,
    required: p.required === true,
    schema: rewriteRefs(p.schema as JsonObject, `${pointer}/schema`, pointers),
    ...(typeof p.description === "string" ? { description: p.description } : {}),
    ...(p.example === undefined ? {} : { example: p.example }),
  });
  const unsupported = params.find((p) => p.node.in !== "path" && p.node.in !== "query");
  if (unsupported)
    throw new Error(
      `spec: ${op.operationId as string} has a ${String(unsupported.node.in)} parameter, which the client does not send`,
    );
  const inPath = params.filter((p) => p.node.in === "path");
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  inPath.sort((a, b) => order.indexOf(a.node.name as string) - order.indexOf(b.node.name as string));
  return {
    operationId: op.operationId as string,
    method: method.toUpperCase(),
    path,
    ...(Array.isArray(op.tags) && typeof op.tags[0] === "string" ? { tag: op.tags[0] } : {}),
    ...(typeof op.summary === "string" ? { summary: op.summary } : {}),
    ...(typeof op.description === "string" ? { description: op.description } : {}),
    body: op.requestBody ? bodyOf(document, deref(document, op.requestBody, `${at}/requestBody`), pointers) : undefined,
    pathParams: inPath.map(parameter),
    queryParams: params.filter((p) => p.node.in === "query").map(parameter),
    responses: Object.entries(op.responses as JsonObject).map(([status, r]) =>
      responseOf(document, status, deref(document, r, `${at}/responses/${status}`), pointers),
    ),
    raw: op,
  };
}

function bodyOf(document: JsonObject, rb: { node: JsonObject; pointer: string }, pointers: WeakMap<object, string>) {
  const [contentType, media] = Object.entries(rb.node.content as JsonObject)[0] as [string, JsonObject];
  const at = `${rb.pointer}/content/${escapePointer(contentType)}`;
  return {
    required: rb.node.required === true,
    contentType,
    schema: rewriteRefs(media.schema as JsonObject, `${at}/schema`, pointers),
    examples: examplesOf(document, media, at),
    ...(typeof rb.node.description === "string" ? { description: rb.node.description } : {}),
  };
}

function responseOf(
  document: JsonObject,
  status: string,
  response: { node: JsonObject; pointer: string },
  pointers: WeakMap<object, string>,
): ResponseSpec {
  const content: Record<string, JsonObject> = {};
  const examples: Record<string, Record<string, Json>> = {};
  for (const [type, media] of Object.entries((response.node.content ?? {}) as JsonObject)) {
    const at = `${response.pointer}/content/${escapePointer(type)}`;
    content[type] = rewriteRefs((media as JsonObject).schema as JsonObject, `${at}/schema`, pointers);
    examples[type] = examplesOf(document, media as JsonObject, at);
  }
  return { status, description: response.node.description as string, content, examples };
}

/** The status the spec documents for success: the first 2xx. */
/** The operation of this id; throws when the spec has none. */
export function operationOf(spec: Spec, operationId: string): OperationSpec {
  const op = spec.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the spec`);
  return op;
}

export function successResponse(op: OperationSpec): ResponseSpec {
  const ok = op.responses.find((r) => /^2\d\d$/.test(r.status));
  if (!ok) throw new Error(`spec: ${op.operationId} documents no 2xx response`);
  return ok;
}

export function jsonSchemaOf(response: ResponseSpec): JsonObject {
  const schema = response.content["application/json"];
  if (!schema) throw new Error(`spec: response ${response.status} has no application/json schema`);
  return schema;
}

/** The response the spec documents for a status: exact code, then `2XX`-style range, then default. */
export function documentedResponse(op: OperationSpec, status: number): ResponseSpec | undefined {
  const key = documentedStatus(
    op.responses.map((r) => r.status),
    status,
  );
  return op.responses.find((r) => r.status === key);
}

/** The first JSON example the spec gives for a response. */
export function firstExample(response: ResponseSpec): Json | undefined {
  return Object.values(response.examples["application/json"] ?? {})[0];
}

/** The first example the spec gives of the operation's request body (undefined: no body, or none given). */
export function firstBodyExample(op: OperationSpec): Json | undefined {
  return op.body ? Object.values(op.body.examples)[0] : undefined;
}

/** The query parameters a call of the operation must send. */
export function requiredQuery(op: OperationSpec): ParameterSpec[] {
  return op.queryParams.filter((p) => p.required);
}
