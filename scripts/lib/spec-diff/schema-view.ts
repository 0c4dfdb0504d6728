// A schema as the rules compare it: `$ref`s followed, an `allOf` merged into one schema when its
// parts do not contradict each other, a `null` variant of anyOf/oneOf folded into the type, and
// the set of JSON types it admits worked out from `type`, `nullable`, `enum`/`const` and the
// keywords that imply a type. Two schemas that say the same thing differently get the same view.
import {
  childPointer,
  isObject,
  type Json,
  type JsonObject,
  type Place,
  resolve,
  type SpecDocument,
  same,
} from "./document.ts";

export interface SchemaView {
  place: Place;
  /** the keywords, with allOf merged and a lone non-null variant folded in */
  node: JsonObject;
  /** the schema as written at this place (refs followed, nothing merged): what a restatement differs in */
  raw: JsonObject;
  placeOf(key: string): Place;
  properties: Map<string, { value: Json; place: Place }>;
  required: Set<string>;
  /** the JSON types admitted ("integer" is a kind of "number"); undefined: any */
  types?: Set<string>;
  /** the values of `enum` or `const` other than null, when there is one */
  values?: Json[];
  /** anyOf/oneOf variants other than `null` (when more than one is left) */
  variants?: { key: "anyOf" | "oneOf"; items: Variant[] };
  /** what a `$ref` led to, as written there, when the schema was reached through one */
  target?: { node: JsonObject; place: Place };
}

interface Variant {
  value: Json;
  place: Place;
}

/** A schema's keywords and where each one sits. */
interface Layered {
  node: JsonObject;
  place: Place;
  placeOf(key: string): Place;
  propertyPlace(name: string): Place;
}

function typeOfValue(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Whether a set of types admits values of type `t`; undefined admits everything. */
export function admits(types: Set<string> | undefined, t: string): boolean {
  return !types || types.has(t) || (t === "integer" && types.has("number"));
}

export function viewOf(doc: SpecDocument, value: Json | undefined, place: Place): SchemaView {
  const resolved = resolve(doc, value, place);
  const { schema, nullVariant, variants } = foldNullVariant(doc, flatten(doc, layered(resolved)));
  const { node } = schema;
  const properties = new Map<string, { value: Json; place: Place }>();
  for (const [name, s] of Object.entries(isObject(node.properties) ? node.properties : {})) {
    properties.set(name, { value: s, place: schema.propertyPlace(name) });
  }
  const view: SchemaView = {
    place: resolved.place,
    node,
    raw: resolved.node,
    placeOf: schema.placeOf,
    properties,
    required: new Set(Array.isArray(node.required) ? (node.required as string[]) : []),
  };
  const values = "const" in node ? [node.const as Json] : Array.isArray(node.enum) ? node.enum : undefined;
  const types = typesOf(node, values, nullVariant);
  if (types) view.types = types;
  if (values) view.values = values.filter((v) => v !== null);
  if (variants) view.variants = variants;
  if (resolved.refs.length) view.target = resolved.target;
  return view;
}

function layered(resolved: ReturnType<typeof resolve>): Layered {
  return {
    node: resolved.node,
    place: resolved.place,
    placeOf: resolved.placeOf,
    propertyPlace: (name) => {
      const at = resolved.placeOf("properties");
      return { pointer: childPointer(at.pointer, name), label: `${at.label}.${name}` };
    },
  };
}

/** Merges `allOf` into the schema when no keyword of one part contradicts another's. */
function flatten(doc: SpecDocument, schema: Layered): Layered {
  const parts = schema.node.allOf;
  if (!Array.isArray(parts) || parts.length === 0) return schema;
  let merged: Layered = { ...schema, node: { ...schema.node } };
  delete merged.node.allOf;
  const at = schema.placeOf("allOf");
  for (const [i, part] of parts.entries()) {
    const place = { pointer: `${at.pointer}/${i}`, label: at.label };
    const next = mergeInto(merged, flatten(doc, layered(resolve(doc, part, place))));
    if (!next) return schema;
    merged = next;
  }
  return merged;
}

/** Keywords that describe and do not constrain: where two parts disagree, the outer one's stands. */
const NOTES = new Set(["title", "description", "$comment", "example", "examples", "externalDocs", "deprecated"]);

/** `into` with `part`'s keywords added; undefined when they contradict. */
function mergeInto(into: Layered, part: Layered): Layered | undefined {
  const node = { ...into.node };
  const fromPart = new Set<string>();
  const partProps = new Set<string>();
  for (const [key, value] of Object.entries(part.node)) {
    if ((NOTES.has(key) || key.startsWith("x-")) && key in node) continue;
    if (key === "properties" && isObject(value)) {
      const props = isObject(node.properties) ? { ...node.properties } : {};
      for (const [name, s] of Object.entries(value)) {
        if (name in props && !same(props[name], s)) return undefined;
        if (!(name in props)) partProps.add(name);
        props[name] = s;
      }
      node.properties = props;
    } else if (key === "required" && Array.isArray(value)) {
      node.required = [...new Set([...(Array.isArray(node.required) ? node.required : []), ...value])];
    } else if (key in node && !same(node[key], value)) {
      return undefined;
    } else {
      if (!(key in node)) fromPart.add(key);
      node[key] = value;
    }
  }
  return {
    node,
    place: into.place,
    placeOf: (key) => (fromPart.has(key) ? part.placeOf(key) : into.placeOf(key)),
    propertyPlace: (name) => (partProps.has(name) ? part.propertyPlace(name) : into.propertyPlace(name)),
  };
}

/**
 * `anyOf: [X, {type: "null"}]` is X that also admits null: null variants are dropped, and a
 * single variant left is merged into the schema (when it does not contradict it).
 */
function foldNullVariant(
  doc: SpecDocument,
  schema: Layered,
): { schema: Layered; nullVariant: boolean; variants?: { key: "anyOf" | "oneOf"; items: Variant[] } } {
  const { node } = schema;
  const key = Array.isArray(node.anyOf) ? "anyOf" : Array.isArray(node.oneOf) ? "oneOf" : undefined;
  if (!key || (Array.isArray(node.anyOf) && Array.isArray(node.oneOf))) return { schema, nullVariant: false };
  const at = schema.placeOf(key);
  const items = (node[key] as Json[]).map((value, i) => ({
    value,
    place: { pointer: `${at.pointer}/${i}`, label: `${at.label} (${key} ${i + 1})` },
  }));
  const others = items.filter((item) => !isNullOnly(resolve(doc, item.value, item.place).node));
  const nullVariant = others.length < items.length;
  if (!nullVariant || others.length !== 1) return { schema, nullVariant, variants: { key, items: others } };
  const without: Layered = { ...schema, node: { ...node } };
  delete without.node[key];
  const only = others[0]!;
  const folded = mergeInto(
    without,
    flatten(doc, layered(resolve(doc, only.value, { ...only.place, label: at.label }))),
  );
  return folded ? { schema: folded, nullVariant } : { schema, nullVariant, variants: { key, items: others } };
}

function isNullOnly(node: JsonObject): boolean {
  const type = node.type;
  if (type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null")) return true;
  if ("const" in node && node.const === null) return true;
  return Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null;
}

function typesOf(node: JsonObject, values: Json[] | undefined, nullVariant: boolean): Set<string> | undefined {
  const written =
    typeof node.type === "string"
      ? new Set([node.type])
      : Array.isArray(node.type)
        ? new Set(node.type as string[])
        : undefined;
  if (written && node.nullable === true) written.add("null");
  let types = written;
  if (values) {
    // an enum admits its values' types, as far as `type` lets them through
    types = new Set(values.map(typeOfValue).filter((t) => admits(written, t)));
  } else if (!written) {
    types = impliedType(node);
  }
  if (types && nullVariant) types.add("null");
  return types;
}

/** The type `properties` or `items` already imply, so that writing it out is no change. */
function impliedType(node: JsonObject): Set<string> | undefined {
  if ("properties" in node || "required" in node || "additionalProperties" in node) return new Set(["object"]);
  if ("items" in node || "prefixItems" in node) return new Set(["array"]);
  return undefined;
}
