// Runs the validators generated from the spec (generated/validators.js) and turns their
// findings into violations with paths a reader can follow.
import type { RequestValidators, ValidationIssue } from "../generated/validators.js";
import { describeViolations, ValidationError, type Violation } from "./errors.js";

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

/** Ajv's findings as violations; a missing or extra property is named in the path. */
export function violationsOf(issues: readonly ValidationIssue[] | null | undefined, prefix = ""): Violation[] {
  return (issues ?? []).map((issue) => {
    const missing = issue.keyword === "required" ? `/${String(issue.params.missingProperty)}` : "";
    const extra = issue.keyword === "additionalProperties" ? `/${String(issue.params.additionalProperty)}` : "";
    return {
      path: `${prefix}${issue.instancePath}${missing}${extra}` || "/",
      message: issue.message ?? issue.keyword,
      keyword: issue.keyword,
    };
  });
}
