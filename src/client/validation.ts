// Runs the validators generated from the spec (generated/validators.js) and turns their
// findings into violations with paths a reader can follow.
import type { RequestValidators } from "../../generated/validators.js";
import { ValidationError } from "./errors.js";
import { describeViolations, type Violation, violationsOf } from "./violations.js";

/** What a typed method sends: the JSON body and the path parameters. */
export interface CallInput {
  body?: unknown;
  path?: Record<string, unknown>;
}

/** Throws ValidationError (attempts 0) when the input breaks the operation's request schema. */
export function assertValidRequest(op: RequestValidators, input: CallInput): void {
  const violations: Violation[] = [];
  if (op.body && !op.body(input.body)) violations.push(...violationsOf(op.body.errors, "body"));
  for (const [name, check] of Object.entries(op.pathParams)) {
    if (!check(input.path?.[name])) violations.push(...violationsOf(check.errors, `path/${name}`));
  }
  if (violations.length) {
    throw new ValidationError(`Invalid request: ${describeViolations(violations)}`, { violations, attempts: 0 });
  }
}
