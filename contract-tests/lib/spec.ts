// The spec as everything downstream of generation reads it: generated/openapi.json (the bundled
// spec/leadconduit.yaml, kept in step by the drift check) in the model of src/gate/spec-model.ts.
// No YAML, no file path: the suite, the tests and the bench check against the same document.
import document from "../../generated/openapi.json" with { type: "json" };
import { type JsonObject, type Spec, specFromDocument } from "../../src/gate/spec-model.ts";

export * from "../../src/gate/spec-model.ts";

export const spec: Spec = specFromDocument(document as unknown as JsonObject);
