// The spec as everything downstream of generation reads it: generated/openapi.json (the bundled
// spec/leadconduit.yaml, kept in step by the drift check) in the model of src/gate/spec-model.ts.
// No YAML, no file path: the suite, the tests and the bench check against the same document.
import document from "../../generated/openapi.json" with { type: "json" };
import {
  type JsonObject,
  type OperationSpec,
  type Spec,
  specFromDocument,
  specValidators,
} from "../../src/gate/spec-model.ts";

export * from "../../src/gate/spec-model.ts";

export const spec: Spec = specFromDocument(document as unknown as JsonObject);

/** The spec's schemas, each compiled once per worker whatever file asks (strict Ajv2020, full formats). */
export const validatorFor = specValidators(spec);

/** The operations whose path template matches a concrete path (a path can match several: /invitations/recipient and /invitations/{entityId}). */
export function operationsAt(path: string): OperationSpec[] {
  return spec.operations.filter((o) =>
    new RegExp(`^${o.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

/** A method no operation takes at a concrete path, whichever template matches it: what a 405 case sends. */
export function methodNotOn(path: string): string {
  const taken = new Set(operationsAt(path).map((o) => o.method));
  const free = ["DELETE", "PATCH", "PUT", "POST", "GET"].find((m) => !taken.has(m));
  if (!free) throw new Error(`every method is an operation at ${path}: no 405 case to send there`);
  return free;
}

/** The operation's success documents no content (a 204, or any answer to HEAD): what a request accepts does not matter then. */
export const answersNothing = (op: OperationSpec): boolean =>
  op.method === "HEAD" || Object.keys(op.responses.find((r) => /^2\d\d$/.test(r.status))?.content ?? {}).length === 0;
