// Runs the validators generated from the spec (generated/validators.js) and turns their
// findings into violations with paths a reader can follow.
import type { RequestValidators } from "../../generated/validators.js";
import { ValidationError } from "./errors.js";
import { describeViolations, type Violation, violationsOf } from "./violations.js";

/** What a typed method sends: the JSON body, the path parameters and the query parameters. */
export interface CallInput {
  body?: unknown;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

/** Throws ValidationError (attempts 0) when the input breaks the operation's request schema. */
export function assertValidRequest(op: RequestValidators, input: CallInput): void {
  const violations: Violation[] = [];
  if (op.body && !op.body(input.body)) violations.push(...violationsOf(op.body.errors, "body"));
  for (const [name, check] of Object.entries(op.pathParams)) {
    if (!check(input.path?.[name])) violations.push(...violationsOf(check.errors, `path/${name}`));
  }
  violations.push(...queryViolations(op, input.query));
  if (violations.length) {
    throw new ValidationError(`Invalid request: ${describeViolations(violations)}`, { violations, attempts: 0 });
  }
}

/** What is wrong with the query: not an object, a required parameter missing, a value that breaks its schema. */
function queryViolations(op: RequestValidators, query: unknown): Violation[] {
  if (query !== undefined && (query === null || typeof query !== "object" || Array.isArray(query)))
    return [{ path: "query", message: "must be an object of query parameters", keyword: "type" }];
  const values = (query ?? {}) as Record<string, unknown>;
  const violations: Violation[] = op.requiredQuery
    .filter((name) => values[name] === undefined)
    .map((name) => ({ path: `query/${name}`, message: "is required", keyword: "required" }));
  for (const [name, value] of Object.entries(values)) {
    // own keys only: a query key such as `toString` or `__proto__` names no parameter
    const check = Object.hasOwn(op.queryParams, name) ? op.queryParams[name] : undefined;
    if (value === undefined) continue;
    if (!check)
      violations.push({
        path: `query/${name}`,
        message: "is not a query parameter of this operation",
        keyword: "additionalProperties",
      });
    else if (!check(value)) violations.push(...violationsOf(check.errors, `query/${name}`));
  }
  return violations;
}
