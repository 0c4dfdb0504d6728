// Reads spec/leadconduit.yaml and turns the parts of it that are JSON Schema into something
// Ajv2020 compiles in strict mode. Used by the validator generator, the contract tests and
// the live contract gate, so all three check against the same file and nothing copies a schema.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { parse } from "yaml";

export const SPEC_PATH = fileURLToPath(new URL("../../spec/leadconduit.yaml", import.meta.url));
export const SCHEMA_DOC_ID = "leadconduit.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ResponseSpec {
  status: string;
  description: string;
  /** media type → JSON Schema (refs rewritten for Ajv) */
  content: Record<string, JsonObject>;
  /** media type → named examples' values */
  examples: Record<string, Record<string, Json>>;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  body?: { required: boolean; contentType: string; schema: JsonObject; examples: Record<string, Json> };
  pathParams: { name: string; required: boolean; schema: JsonObject; example?: Json }[];
  responses: ResponseSpec[];
}

export interface Spec {
  document: JsonObject;
  /** components.schemas as one JSON Schema document, `$id` = SCHEMA_DOC_ID */
  schemaDocument: JsonObject;
  operations: OperationSpec[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function loadSpec(path = SPEC_PATH): Spec {
  const document = parse(readFileSync(path, "utf8")) as JsonObject;
  return {
    document,
    schemaDocument: { $id: SCHEMA_DOC_ID, $defs: rewriteRefs(components(document, "schemas")) },
    operations: operationsOf(document),
  };
}

type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];

/**
 * Ajv2020 as every part of the project configures it: strict, all errors, formats on.
 * `formats: "full"` (tests, gates) checks formats completely; "fast" is for the client's
 * runtime validators (see scripts/generate-validators.ts).
 */
export function createAjv(options: AjvOptions = {}, formats: "full" | "fast" = "full") {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, ...options });
  // ajv-formats is CommonJS; `.default` is the plugin under both Node ESM and bundlers.
  formatsPlugin.default(ajv, { mode: formats });
  // OpenAPI keywords that are annotations only; registering them keeps strict mode on.
  ajv.addVocabulary(["example", "xml", "externalDocs", "discriminator"]);
  return ajv;
}

/** An Ajv instance holding the spec's schemas, ready for `ajv.compile(schemaOf(...))`. */
export function createSpecAjv(spec: Spec, options: AjvOptions = {}, formats: "full" | "fast" = "full") {
  const ajv = createAjv(options, formats);
  ajv.addSchema(spec.schemaDocument);
  return ajv;
}

/** Compiles each schema of the spec once, on first use (strict Ajv2020, full formats). */
export function specValidators(spec: Spec): (schema: object) => ValidateFunction {
  const ajv = createSpecAjv(spec);
  const compiled = new WeakMap<object, ValidateFunction>();
  return (schema) => {
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };
}

function components(document: JsonObject, kind: string): JsonObject {
  const all = (document.components ?? {}) as JsonObject;
  return (all[kind] ?? {}) as JsonObject;
}

// `#/components/schemas/X` in the spec becomes `leadconduit.json#/$defs/X`, which resolves
// from any schema Ajv compiles, including the per-operation ones built below.
function rewriteRefs<T extends Json>(node: T): T {
  if (Array.isArray(node)) return node.map(rewriteRefs) as T;
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `${SCHEMA_DOC_ID}#/$defs/${value.slice("#/components/schemas/".length)}`
        : rewriteRefs(value);
  }
  return out as T;
}

function deref(document: JsonObject, node: Json | undefined): JsonObject {
  let current = node as JsonObject;
  for (let depth = 0; typeof current?.$ref === "string"; depth++) {
    if (depth > 16) throw new Error(`spec: $ref chain too deep at ${current.$ref}`);
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    let target: Json | undefined = document;
    for (const part of pointer) target = (target as JsonObject)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (target === undefined) throw new Error(`spec: unresolved $ref ${current.$ref}`);
    current = target as JsonObject;
  }
  return current;
}

function examplesOf(document: JsonObject, media: JsonObject): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (media.example !== undefined) out.example = media.example;
  for (const [name, ex] of Object.entries((media.examples ?? {}) as JsonObject)) {
    out[name] = deref(document, ex).value ?? null;
  }
  return out;
}

function operationsOf(document: JsonObject): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as JsonObject)) {
    const pathItem = deref(document, item);
    for (const method of METHODS) {
      const op = pathItem[method] as JsonObject | undefined;
      if (!op) continue;
      const params = [...((pathItem.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])].map(
        (p) => deref(document, p),
      );
      let body: OperationSpec["body"];
      if (op.requestBody) {
        const rb = deref(document, op.requestBody);
        const [contentType, media] = Object.entries(rb.content as JsonObject)[0] as [string, JsonObject];
        body = {
          required: rb.required === true,
          contentType,
          schema: rewriteRefs(media.schema as JsonObject),
          examples: examplesOf(document, media),
        };
      }
      operations.push({
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        path,
        body,
        pathParams: params
          .filter((p) => p.in === "path")
          .map((p) => ({
            name: p.name as string,
            required: p.required === true,
            schema: rewriteRefs(p.schema as JsonObject),
            ...(p.example === undefined ? {} : { example: p.example }),
          })),
        responses: Object.entries(op.responses as JsonObject).map(([status, r]) => {
          const response = deref(document, r);
          const content: Record<string, JsonObject> = {};
          const examples: Record<string, Record<string, Json>> = {};
          for (const [type, media] of Object.entries((response.content ?? {}) as JsonObject)) {
            content[type] = rewriteRefs((media as JsonObject).schema as JsonObject);
            examples[type] = examplesOf(document, media as JsonObject);
          }
          return { status, description: response.description as string, content, examples };
        }),
      });
    }
  }
  return operations;
}

/** The status the spec documents for success: the first 2xx. */
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
  const code = String(status);
  return (
    op.responses.find((r) => r.status === code) ??
    op.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ??
    op.responses.find((r) => r.status === "default")
  );
}

/** The first JSON example the spec gives for a response. */
export function firstExample(response: ResponseSpec): Json | undefined {
  return Object.values(response.examples["application/json"] ?? {})[0];
}
