// What the mock keeps of each request: the call and its violations, with every credential
// redacted (the mock's key in each form it travels, and any password the request carried), and
// frozen, so a test cannot change the record by changing what it was handed. What the request
// carried (path, body, headers) is redacted here; a violation's message quotes the request
// through inspect's `quote`, so the mock's own words are never redacted (redactText: a short key
// is removed only where it stands alone).
import { secretsOf } from "../client/auth.js";
import { redactDeep, redactHeaders, redactText } from "../client/redact.js";
import type { Inspection } from "./inspect.js";
import type { MockCall, MockViolation } from "./types.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** The request's path as the spec sees it, or the path it was sent to when not below the base URL. */
function pathOf(request: Request, seen: Inspection): string {
  return seen.path ?? new URL(request.url).pathname;
}

export function createRecorder(apiKey: string) {
  const keySecrets = secretsOf(apiKey);
  let calls: MockCall[] = [];
  let violations: MockViolation[] = [];
  return {
    /** The key's forms, and those of the password the request carried (a wrong key is a key too). */
    secretsFor(password: string | undefined): readonly string[] {
      if (!password) return keySecrets;
      return secretsOf(apiKey, password);
    },
    call(request: Request, seen: Inspection, secrets: readonly string[]): void {
      const headers = redactHeaders(request.headers, secrets);
      const call: MockCall = {
        operationId: seen.operationId,
        method: request.method,
        path: redactText(pathOf(request, seen), secrets),
        pathParams: redactDeep(seen.pathParams, secrets),
        body: redactDeep(seen.body === null ? undefined : seen.body, secrets),
        headers,
      };
      calls.push(deepFreeze(call));
    },
    violations(request: Request, seen: Inspection, status: number, secrets: readonly string[]): void {
      const line = `${redactText(request.method, secrets)} ${redactText(pathOf(request, seen), secrets)}`;
      for (const v of seen.violations) {
        const violation: MockViolation = {
          operationId: seen.operationId,
          request: line,
          status,
          path: v.path,
          message: v.message,
          ...(v.keyword === undefined ? {} : { keyword: v.keyword }),
        };
        violations.push(deepFreeze(violation));
      }
    },
    calls: (): readonly MockCall[] => calls.slice(),
    recordedViolations: (): readonly MockViolation[] => violations.slice(),
    takeViolations(): MockViolation[] {
      const taken = violations;
      violations = [];
      return taken;
    },
    reset(): void {
      calls = [];
      violations = [];
    },
  };
}
