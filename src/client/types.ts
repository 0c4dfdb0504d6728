// Types of the typed methods, derived from generated/ by operationId: when the spec changes an
// operation's body, parameters or 2xx schema, the method's signature follows on regeneration.
import type { operations } from "../../generated/leadconduit.js";
import type { OperationId, SuccessBody } from "../../generated/validators.js";

export type { PathParameter, QueryParameters, RequestBody } from "../../generated/api.js";
export type { OperationId } from "../../generated/validators.js";

/** The path parameters an operation takes. */
export type PathParams<K extends OperationId> = NonNullable<operations[K]["parameters"]["path"]>;

/** The JSON body of an operation's documented 2xx answer: what its typed method resolves to (`void` when none). */
export type ResponseBody<K extends OperationId> = SuccessBody<K>;
