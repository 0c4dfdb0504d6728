// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.

import type { components } from "./leadconduit.js";
import type { OperationId, SchemaValidator, TypeGuard, ValidationIssue } from "./validators.js";

/** One problem found by a check of the kit: Ajv's ErrorObject whole (the client's validators keep less). */
export interface ContractIssue extends ValidationIssue {
  schemaPath: string;
  params: Record<string, unknown>;
}

/** A response the spec documents for a status. */
export interface DocumentedResponse {
  /** Its media type, e.g. `application/json`; undefined when it has no content. */
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
  /** Path template, e.g. `/invitations/{entityId}/resend`. */
  readonly path: string;
  /** Whether the operation requires credentials (the spec's `security`). */
  readonly secured: boolean;
  /** The check of each path parameter, by name, in the order the path names them. */
  readonly pathParams: Readonly<Record<string, SchemaValidator<ContractIssue>>>;
  /** Each query parameter, by name: whether a request must send it, and the check of its value. */
  readonly queryParams: Readonly<Record<string, { readonly required: boolean; readonly validate: SchemaValidator<ContractIssue> }>>;
  /** The request body: whether it is required, its media type and the full check of its schema. */
  readonly body: { readonly required: boolean; readonly contentType: string; readonly validate: SchemaValidator<ContractIssue> } | undefined;
  /** Each documented response by status code (`"200"`, `"401"`, `"4XX"`, `"default"`), in the spec's order. */
  readonly responses: Readonly<Record<string, DocumentedResponse>>;
}
/** The spec's server URLs, in order. */
export declare const servers: readonly string[];
/** The full check of each component schema, by name. */
export declare const schemas: { readonly [N in keyof components["schemas"]]: TypeGuard<components["schemas"][N], ContractIssue> };
/** Every operation of the spec, by operationId. */
export declare const operations: { readonly [K in OperationId]: OperationContract };
