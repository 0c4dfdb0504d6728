// The kit's own errors. They are not LeadConduitErrors: an app's `instanceof LeadConduitError`
// must never catch a test that used the kit wrongly or broke the consumer contract.
import type { Violation } from "../client/violations.js";
import type { MockViolation } from "./types.js";

/**
 * The kit was used in a way that cannot work: an unknown operation, a bad status or `times`,
 * a scripted answer or fixture that breaks the spec (`violations` says where), bad options.
 */
export class LeadConduitMockError extends Error {
  /** Where a scripted body or a fixture breaks the spec, e.g. `{ path: "/entity/id", message: ... }`. */
  declare readonly violations: Violation[];
  constructor(message: string, violations: Violation[] = []) {
    super(message);
    Object.defineProperty(this, "violations", { value: violations, enumerable: true });
  }
}

/** Thrown by `mock.assertNoViolations()`: requests of the app under test broke the spec. */
export class ContractViolationError extends Error {
  /** Each violation: operation, request, the status the mock answered, JSON path and message. */
  declare readonly violations: MockViolation[];
  constructor(violations: MockViolation[]) {
    const lines = violations.map(
      (v, i) => `  ${i + 1}. ${v.operationId ?? "(no operation)"} ${v.path}: ${v.message} (${v.request} → ${v.status})`,
    );
    super(
      `${violations.length} violation(s) of the LeadConduit spec by the requests sent to the mock:\n${lines.join("\n")}`,
    );
    Object.defineProperty(this, "violations", { value: violations, enumerable: true });
  }
}

for (const [cls, name] of [
  [LeadConduitMockError, "LeadConduitMockError"],
  [ContractViolationError, "ContractViolationError"],
] as const) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}
