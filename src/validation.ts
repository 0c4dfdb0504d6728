// Runs the request validators generated from the spec (generated/validators.js) and turns
// their findings into a typed error before anything is sent.
import type { OperationValidators } from "../generated/validators.js";
import { describeViolations, ValidationError, violationsOf } from "./errors.js";

export interface CallInput {
  body?: unknown;
  path?: Record<string, unknown>;
}

/** Throws ValidationError (attempts 0) when the input breaks the operation's request schema. */
export function assertValidRequest(op: OperationValidators, input: CallInput): void {
  const violations = [];
  if (op.body && !op.body(input.body)) violations.push(...violationsOf(op.body.errors, "body"));
  for (const [name, check] of Object.entries(op.pathParams)) {
    if (!check(input.path?.[name])) violations.push(...violationsOf(check.errors, `path/${name}`));
  }
  if (violations.length) {
    throw new ValidationError(`Invalid request: ${describeViolations(violations)}`, { violations, attempts: 0 });
  }
}
