// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.

import type { operations as Operations } from "./leadconduit.js";

/** One problem found by a validator: Ajv's ErrorObject, with the fields the client reads. */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  /** Ajv's params; these validators keep `missingProperty` (required) and `additionalProperty` (additionalProperties) only. */
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
/** The JSON body of an operation's documented 2xx response; `void` when it documents none (a 204). */
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
  /** The statuses the spec documents, as its keys are written: `"200"`, `"2XX"`, `"default"`. */
  readonly statuses: readonly string[];
  /** What the TypeScript type of the 2xx body states (types, required, enums), and nothing it cannot; none without content. */
  readonly shape: TypeGuard<SuccessBody<K>> | undefined;
  /** The whole schema of the first documented 2xx (formats, patterns and lengths too); none without content. */
  readonly success: TypeGuard<SuccessBody<K>> | undefined;
  /** Finds what a 2xx body carries that the spec does not list (a field the server added), as additionalProperties errors. */
  readonly unlisted: SchemaValidator | undefined;
}
export declare const operations: { readonly [K in OperationId]: OperationValidators<K> };
/** Method and path of each operation, as openapi-fetch's client takes them. */
export declare const routes: {
  readonly createRecipientInvitation: { readonly method: "POST"; readonly path: "/invitations/recipient" };
  readonly createSourceInvitation: { readonly method: "POST"; readonly path: "/invitations/source" };
  readonly resendInvitation: { readonly method: "PUT"; readonly path: "/invitations/{entityId}/resend" };
};
