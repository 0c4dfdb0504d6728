// The testing kit's view of the spec, generated/testing.js + .d.ts: the server, where each
// operation lives and what it takes, what it answers (each documented status with its media
// type and first example), and a full check of every schema involved and of each component
// schema (Ajv2020 standalone with full formats, as the contract tests check). The kit
// (src/testing/) reads the spec through this module only; the client's generated/validators.js
// is not touched by it.
import standalone from "ajv/dist/standalone/index.js";
import { firstExample, type OperationSpec, SCHEMA_DOC_ID, type Spec } from "../../../src/gate/spec-model.ts";
import { bundleStandalone, dependencyOrder, GENERATED_HEADER, standaloneAjv, validatorRegistry } from "./standalone.ts";

const json = (value: unknown) => JSON.stringify(value);

type Json = Record<string, unknown>;

/** Whether the operation requires credentials: its own `security`, else the document's. */
function isSecured(document: Json, op: OperationSpec): boolean {
  const item = (document.paths as Record<string, Json>)[op.path]?.[op.method.toLowerCase()] as Json | undefined;
  const security = (item?.security ?? document.security ?? []) as Json[];
  // an empty requirement object ({}) in the list makes credentials optional
  return security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
}

function operationEntry(op: OperationSpec, secured: boolean, of: (schema: object, name: string) => string): string {
  const id = op.operationId;
  const params = op.pathParams.map((p) => `${json(p.name)}: ${of(p.schema, `${id}_path_${p.name}`)}`);
  const query = op.queryParams.map(
    (p) => `${json(p.name)}: { required: ${p.required}, validate: ${of(p.schema, `${id}_query_${p.name}`)} }`,
  );
  const body = op.body
    ? `{ required: ${op.body.required}, contentType: ${json(op.body.contentType)}, validate: ${of(op.body.schema, `${id}_body`)} }`
    : "undefined";
  const responses = op.responses.map((response) => {
    const [contentType, schema] = Object.entries(response.content)[0] ?? [];
    const validate = schema ? of(schema, `${id}_${response.status}`) : "undefined";
    const example = contentType === "application/json" ? firstExample(response) : undefined;
    return (
      `      ${json(response.status)}: { contentType: ${json(contentType) ?? "undefined"}, ` +
      `example: ${json(example) ?? "undefined"}, validate: ${validate} },`
    );
  });
  return [
    `  ${id}: {`,
    `    method: ${json(op.method)},`,
    `    path: ${json(op.path)},`,
    `    secured: ${secured},`,
    `    pathParams: { ${params.join(", ")} },`,
    `    queryParams: { ${query.join(", ")} },`,
    `    body: ${body},`,
    "    responses: {",
    ...responses,
    "    },",
    "  },",
  ].join("\n");
}

export async function generateTestingModule(source: Spec): Promise<{ js: string; dts: string }> {
  const { spec, ajv } = standaloneAjv(source, "full");
  const defs = dependencyOrder(spec.schemaDocument.$defs as Record<string, unknown>);
  const { of, exports } = validatorRegistry(ajv, defs);
  const schemas = defs.map((name) => `  ${name}: ${of({ $ref: `${SCHEMA_DOC_ID}#/$defs/${name}` }, name)},`);
  const operations = spec.operations.map((op) => operationEntry(op, isSecured(spec.document, op), of));
  const servers = ((spec.document.servers ?? []) as { url: string }[]).map((s) => s.url);
  const js = await bundleStandalone({
    standalone: standalone.default(ajv, exports()),
    formats: 'module.exports = require("ajv-formats/dist/formats").fullFormats;\n',
    entry: [
      'import * as v from "./standalone.mjs";',
      `export const servers = ${json(servers)};`,
      `export const schemas = {\n${schemas.join("\n")}\n};`,
      `export const operations = {\n${operations.join("\n")}\n};`,
      "",
    ].join("\n"),
  });
  return { js, dts: DTS };
}

const DTS = `${GENERATED_HEADER}
import type { components } from "./leadconduit.js";
import type { OperationId, SchemaValidator, TypeGuard, ValidationIssue } from "./validators.js";

/** One problem found by a check of the kit: Ajv's ErrorObject whole (the client's validators keep less). */
export interface ContractIssue extends ValidationIssue {
  schemaPath: string;
  params: Record<string, unknown>;
}

/** A response the spec documents for a status. */
export interface DocumentedResponse {
  /** Its media type, e.g. \`application/json\`; undefined when it has no content. */
  readonly contentType: string | undefined;
  /** The first example the spec gives for it (JSON only). */
  readonly example: unknown;
  /** The full check of its schema (formats, patterns and lengths too). */
  readonly validate: SchemaValidator<ContractIssue> | undefined;
}
/** Where an operation lives, what it takes and what it answers. */
export interface OperationContract {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path template, e.g. \`/invitations/{entityId}/resend\`. */
  readonly path: string;
  /** Whether the operation requires credentials (the spec's \`security\`). */
  readonly secured: boolean;
  /** The check of each path parameter, by name, in the order the path names them. */
  readonly pathParams: Readonly<Record<string, SchemaValidator<ContractIssue>>>;
  /** Each query parameter, by name: whether a request must send it, and the check of its value. */
  readonly queryParams: Readonly<Record<string, { readonly required: boolean; readonly validate: SchemaValidator<ContractIssue> }>>;
  /** The request body: whether it is required, its media type and the full check of its schema. */
  readonly body: { readonly required: boolean; readonly contentType: string; readonly validate: SchemaValidator<ContractIssue> } | undefined;
  /** Each documented response by status code (\`"200"\`, \`"401"\`, \`"4XX"\`, \`"default"\`), in the spec's order. */
  readonly responses: Readonly<Record<string, DocumentedResponse>>;
}
/** The spec's server URLs, in order. */
export declare const servers: readonly string[];
/** The full check of each component schema, by name. */
export declare const schemas: { readonly [N in keyof components["schemas"]]: TypeGuard<components["schemas"][N], ContractIssue> };
/** Every operation of the spec, by operationId. */
export declare const operations: { readonly [K in OperationId]: OperationContract };
`;
