// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.

import type { operations as Operations } from "./leadconduit.js";
import type { OperationId } from "./validators.js";

/** A path parameter of an operation, as a typed method takes it. */
export type PathParameter<K extends OperationId, N extends string> = Operations[K]["parameters"] extends {
  path: infer P;
}
  ? N extends keyof P
    ? P[N]
    : never
  : never;
/** The JSON request body an operation takes. */
export type RequestBody<K extends OperationId> = Operations[K]["requestBody"] extends {
  content: { "application/json": infer T };
}
  ? T
  : never;
/** The query parameters an operation takes, as one object. */
export type QueryParameters<K extends OperationId> = NonNullable<Operations[K]["parameters"]["query"]>;

/** The version of the Invitations API spec this client was generated from (the spec's `info.version`). */
export declare const API_VERSION: "1.1.0";

/** Every typed method of the client, by resource; each names its operation and its arguments, in order. */
export interface Methods {
  /**
   * Invite another company to connect with your account, as a recipient (a buyer or other
   * destination of leads) or as a source (a seller or other origin of leads). The invited
   * party gets an email; the entity stays `pending` until the invitation is accepted.
   */
  readonly invitations: {
    /**
     * Create a recipient invitation: `POST /invitations/recipient`.
     *
     * Sends an invitation email to a prospective lead recipient and returns the pending
     * recipient entity created for it. When an invitation to that address already exists,
     * the existing connected entity is returned instead. **[ours]** So repeating the call
     * is safe: the reference documents that answer for an existing invitation, and this
     * project relies on it to retry a create whose response was lost.
     * @param body The address to send the invitation to.
     * @param options this call's options (`timeoutMs`, `maxRetries`, `signal`, …), over the client's
     * @returns 200: OK - invitation already exists, returning the existing connected entity.
     * @throws {ValidationError} the input breaks the spec; nothing was sent
     * @throws {AuthenticationError} 401: Missing or wrong credentials.
     * @throws {APIError} any other status that is not 2xx (a subclass names the common ones)
     * @throws {ConnectionError} no answer: the connection failed, or an attempt timed out (`TimeoutError`)
     * @see https://developers.activeprospect.com/api-reference/invitations/create-a-recipient-invitation
     * @example
     * const result = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
     */
    readonly createRecipient: {
      readonly operationId: "createRecipientInvitation";
      readonly args: [body: RequestBody<"createRecipientInvitation">];
    };
    /**
     * Create a source invitation: `POST /invitations/source`.
     *
     * Sends an invitation email to a prospective lead source and returns the pending source
     * entity created for it. When an invitation to that address already exists, the existing
     * entity is returned instead. **[ours]** So repeating the call is safe: the reference
     * documents that answer for an existing invitation, and this project relies on it to
     * retry a create whose response was lost.
     * @param body The address to send the invitation to.
     * @param options this call's options (`timeoutMs`, `maxRetries`, `signal`, …), over the client's
     * @returns 200: OK - invitation already exists, returning the existing entity.
     * @throws {ValidationError} the input breaks the spec; nothing was sent
     * @throws {AuthenticationError} 401: Missing or wrong credentials.
     * @throws {APIError} any other status that is not 2xx (a subclass names the common ones)
     * @throws {ConnectionError} no answer: the connection failed, or an attempt timed out (`TimeoutError`)
     * @see https://developers.activeprospect.com/api-reference/invitations/create-a-source-invitation
     * @example
     * const result = await lc.invitations.createSource({ email: "mike.jones@example.com" });
     */
    readonly createSource: {
      readonly operationId: "createSourceInvitation";
      readonly args: [body: RequestBody<"createSourceInvitation">];
    };
    /**
     * Resend an invitation: `PUT /invitations/{entityId}/resend`.
     *
     * Sends the invitation email of a pending or expired entity again. The request has no body.
     * @param entityId The id of a pending or expired entity. **[ours]** The reference shows no pattern for this parameter; the spec applies the BSON id pattern that every other id parameter of the API carries, so a malformed id is refused before it is sent.
     * @param options this call's options (`timeoutMs`, `maxRetries`, `signal`, …), over the client's
     * @returns 200: OK - invitation resent.
     * @throws {ValidationError} the input breaks the spec; nothing was sent
     * @throws {AuthenticationError} 401: Missing or wrong credentials.
     * @throws {APIError} any other status that is not 2xx (a subclass names the common ones)
     * @throws {ConnectionError} no answer: the connection failed, or an attempt timed out (`TimeoutError`)
     * @see https://developers.activeprospect.com/api-reference/invitations/resend-an-invitation
     * @example
     * const result = await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8");
     */
    readonly resend: {
      readonly operationId: "resendInvitation";
      readonly args: [entityId: PathParameter<"resendInvitation", "entityId">];
    };
  };
}

/** How a method's call is made: its operation, its path parameters in order, whether it takes a body and a query. */
export interface MethodSpec {
  readonly operationId: OperationId;
  readonly path: readonly string[];
  readonly body: "none" | "required" | "optional";
  readonly query: "none" | "required" | "optional";
}
export declare const methods: { readonly [R in keyof Methods]: { readonly [M in keyof Methods[R]]: MethodSpec } };
