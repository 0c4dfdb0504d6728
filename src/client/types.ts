// Types of the typed methods, derived from generated/ by operationId: when the spec changes an
// operation's body, parameters or 2xx schema, the method's signature follows on regeneration.
import type { operations } from "../../generated/leadconduit.js";
import type { OperationId, SuccessBody } from "../../generated/validators.js";

export type { OperationId } from "../../generated/validators.js";

/** The JSON request body an operation takes. */
export type RequestBody<K extends OperationId> = operations[K]["requestBody"] extends {
  content: { "application/json": infer T };
}
  ? T
  : never;

/** The path parameters an operation takes. */
export type PathParams<K extends OperationId> = NonNullable<operations[K]["parameters"]["path"]>;

/** The JSON body of an operation's documented 2xx answer: what its typed method resolves to. */
export type ResponseBody<K extends OperationId> = SuccessBody<K>;
