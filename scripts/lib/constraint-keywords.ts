// The JSON Schema keywords that constrain a value beyond its type: what a TypeScript type cannot
// state. The generator drops them from the cheap "shape" validators; spec:diff judges each one
// as narrowing or widening what a schema accepts.
export const CONSTRAINT_KEYWORDS: ReadonlySet<string> = new Set([
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);
