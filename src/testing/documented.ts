// What the spec documents an operation to answer, as the kit looks it up.
import { type DocumentedResponse, operations } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";
import { documentedStatus } from "../client/statuses.js";

/** The operation's first documented 2xx, in the spec's order: its status and its response. */
export function successEntry(operationId: OperationId): [status: number, response: DocumentedResponse] | undefined {
  const found = Object.entries(operations[operationId].responses).find(([status]) => /^2/.test(status));
  return found && [Number(found[0]), found[1]];
}

/** The operation's first documented 2xx response, in the spec's order. */
export function successResponse(operationId: OperationId): DocumentedResponse | undefined {
  return successEntry(operationId)?.[1];
}

/** The documented response a status is checked against (a 2xx falls back to the first documented 2xx). */
export function documentedFor(operationId: OperationId, status: number): DocumentedResponse | undefined {
  const { responses } = operations[operationId];
  const key = documentedStatus(Object.keys(responses), status, false);
  return (
    (key === undefined ? undefined : responses[key]) ??
    (status < 300 ? successResponse(operationId) : undefined) ??
    responses.default
  );
}
