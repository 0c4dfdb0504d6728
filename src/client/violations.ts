// Violations: one problem with a request or a response, located by a path into the checked
// value. Free of side effects, so the testing kit's bundle takes these without the client's
// error classes.
import type { ValidationIssue } from "../../generated/validators.js";

/** One problem with a request or a response, located by a path into the checked value. */
export interface Violation {
  /** Where the problem is, e.g. `body/email` (a request) or `/entity/source` (a response body). */
  path: string;
  /** What is wrong, e.g. `must match format "email"`. */
  message: string;
  /** The JSON Schema keyword that failed (`required`, `format`, ...), when known. */
  keyword?: string;
}

/**
 * Ajv's findings as violations; a missing or extra property is named in the path.
 * @internal also the contract gate's (src/gate/violations.ts): one way to name a violation's path
 */
export function violationsOf(issues: readonly ValidationIssue[] | null | undefined, prefix = ""): Violation[] {
  return (issues ?? []).map((issue) => {
    const missing = issue.keyword === "required" ? `/${String(issue.params?.missingProperty)}` : "";
    const extra = issue.keyword === "additionalProperties" ? `/${String(issue.params?.additionalProperty)}` : "";
    return {
      path: `${prefix}${issue.instancePath}${missing}${extra}` || "/",
      message: issue.message ?? issue.keyword,
      keyword: issue.keyword,
    };
  });
}

/** `path message; path message`, for an error's message. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.path} ${v.message}`).join("; ");
}
