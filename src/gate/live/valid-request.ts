// What a valid call of an operation sends, read from the spec: its body is the spec's own example
// with every address the schema marks `format: email` replaced by the run's address (a live run
// sends real email, and only to the address it is given), and its query the required
// parameters, from the spec's examples. Pure.
import {
  atPointer,
  firstBodyExample,
  type Json,
  type JsonObject,
  type OperationSpec,
  requiredQuery,
  type Spec,
} from "../spec-model.ts";

/** The body of a valid call: the spec's first example, its email addresses the run's; none without a body. */
export function validBody(spec: Spec, op: OperationSpec, email: string): Json | undefined {
  if (!op.body) return undefined;
  const example = firstBodyExample(op);
  return example === undefined ? {} : withEmail(spec, op.body.schema, example, email);
}

/** Whether a valid call's body carries the run's address: the operations a bad address would break. */
export function sendsEmail(spec: Spec, op: OperationSpec): boolean {
  // a mark no example can hold (NUL is no character of an address): where it lands, an address goes
  const mark = "\u0000run's address\u0000";
  return JSON.stringify(validBody(spec, op, mark) ?? null).includes(JSON.stringify(mark).slice(1, -1));
}

/** The required query parameters of a valid call, from the spec's examples. */
export function validQuery(op: OperationSpec): Record<string, string> {
  return Object.fromEntries(requiredQuery(op).map((p) => [p.name, String(p.example ?? "")]));
}

function withEmail(spec: Spec, schema: JsonObject, value: Json, email: string): Json {
  const parts = schemasOf(spec, schema);
  if (typeof value === "string" && parts.some((s) => s.format === "email")) return email;
  if (Array.isArray(value)) {
    const items = parts.map((s) => s.items).find(isObject);
    return items ? value.map((v) => withEmail(spec, items, v, email)) : value;
  }
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const property = parts.map((s) => (isObject(s.properties) ? s.properties[key] : undefined)).find(isObject);
      return [key, property ? withEmail(spec, property, v, email) : v];
    }),
  );
}

/** A schema and every schema it stands for: its $ref followed, its allOf members. */
function schemasOf(spec: Spec, schema: JsonObject, seen = new Set<JsonObject>()): JsonObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found = [schema];
  const ref = typeof schema.$ref === "string" ? resolve(spec, schema.$ref) : undefined;
  if (ref) found.push(...schemasOf(spec, ref, seen));
  if (Array.isArray(schema.allOf))
    for (const member of schema.allOf) if (isObject(member)) found.push(...schemasOf(spec, member, seen));
  return found;
}

/** A `leadconduit.json#/$defs/Name` reference, in the spec's schema document (its fragment percent-decoded, RFC 6901 section 6). */
function resolve(spec: Spec, ref: string): JsonObject | undefined {
  const node = atPointer(spec.schemaDocument, decodeURIComponent(ref.slice(ref.indexOf("#") + 1)));
  return isObject(node) ? node : undefined;
}

const isObject = (node: Json | undefined): node is JsonObject =>
  node !== null && typeof node === "object" && !Array.isArray(node);
