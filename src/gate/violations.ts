// An Ajv verdict as violations a report can show: the JSON path in the body, the message, and
// the pointer of the schema keyword in the spec (for an annotation on its line).
import type { ErrorObject } from "ajv";
import { violationsOf } from "../client/violations.ts";
import { type Spec, schemaPointerOf } from "./spec-model.ts";

export interface SchemaViolation {
  path: string;
  message: string;
  pointer?: string;
}

export function schemaViolations(spec: Spec, errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  const list = errors ?? [];
  // violationsOf maps one issue to one violation, in order
  return violationsOf(list).map((v, i) => {
    const pointer = schemaPointerOf(spec, list[i]!);
    return { path: v.path, message: v.message, ...(pointer ? { pointer } : {}) };
  });
}
