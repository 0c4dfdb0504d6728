// Reads spec/leadconduit.yaml into the model of scripts/lib/spec-model.ts. Used by the
// validator generator, the contract tests and the gates, so all of them check against the
// same file and nothing copies a schema.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { PATHS } from "./paths.ts";
import { type JsonObject, type Spec, specFromDocument } from "./spec-model.ts";

export * from "./spec-model.ts";

const SPEC_PATH = PATHS.spec;

export function loadSpec(): Spec {
  return specFromDocument(parse(readFileSync(SPEC_PATH, "utf8")) as JsonObject);
}
