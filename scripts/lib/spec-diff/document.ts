// One side of a diff: an OpenAPI 3.x document parsed from its text (YAML or JSON), with the line
// of any JSON pointer in it, and `$ref` resolution that remembers where each keyword came from.
import { type Document, isMap, LineCounter, type Node, parseDocument } from "yaml";
import type { Json, JsonObject } from "../../../src/gate/spec-model.ts";
import { offsetOf, segmentsOf } from "../spec-locate.ts";

export type { Json, JsonObject };

/** A spec the diff could not read: not YAML, not OpenAPI 3, or a `$ref` that leads nowhere. */
export class SpecDiffError extends Error {
  override name = "SpecDiffError";
}

export interface SpecDocument {
  /** how reports name it: `spec/leadconduit.yaml`, `tag v1.2.0:spec/leadconduit.yaml` */
  name: string;
  root: JsonObject;
  /** the 1-based line where the value at `pointer` (or its deepest existing parent) starts */
  lineOf(pointer: string): number | undefined;
}

/** Parses a spec's text; throws SpecDiffError when it is not an OpenAPI 3 document. */
export function parseSpec(text: string, name: string): SpecDocument {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  } catch (e) {
    throw new SpecDiffError(`${name} could not be read: ${(e as Error).message}`);
  }
  if (doc.errors.length) throw new SpecDiffError(`${name} is not valid YAML: ${doc.errors[0]!.message}`);
  const root = doc.toJS({ maxAliasCount: 1000 }) as Json;
  if (!isMap(doc.contents) || !isObject(root) || typeof root.openapi !== "string")
    throw new SpecDiffError(`${name} is not an OpenAPI document: it has no \`openapi\` field`);
  if (!/^3\.[01]\./.test(root.openapi))
    throw new SpecDiffError(`${name} is OpenAPI ${root.openapi}; spec:diff reads OpenAPI 3.0 and 3.1`);
  return {
    name,
    root,
    lineOf: (pointer) => {
      const offset = offsetOf(doc.contents as Node | null, segmentsOf(pointer));
      return offset === undefined ? undefined : counter.linePos(offset).line;
    },
  };
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const escapePointer = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");

export const childPointer = (pointer: string, ...segments: (string | number)[]): string =>
  segments.reduce<string>((at, s) => `${at}/${escapePointer(String(s))}`, pointer);

/** The value at a local JSON pointer (`/components/schemas/X`), or undefined. */
function valueAt(root: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of segmentsOf(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

/** Where a value sits: its JSON pointer, and the name a reader knows it by. */
export interface Place {
  pointer: string;
  label: string;
}

/**
 * An object with its `$ref`s followed. Keywords written next to a `$ref` (OpenAPI 3.1 allows a
 * description or `readOnly` there) win over the target's; `placeOf` says where each one sits.
 */
export interface Resolved {
  node: JsonObject;
  /** where the object the last `$ref` leads to sits */
  place: Place;
  placeOf(key: string): Place;
  /** the `$ref` strings followed, outermost first (empty when there was none) */
  refs: string[];
  /** the object the last `$ref` leads to, as written there (without the keywords beside the `$ref`) */
  target: { node: JsonObject; place: Place };
}

const MAX_REF_DEPTH = 32;

/**
 * Follows `$ref`s from `node` (found at `place`). A `$ref` into `#/components/<kind>/<Name>`
 * renames the place `Name`: a change inside a component is told by the component's name.
 */
export function resolve(doc: SpecDocument, node: Json | undefined, place: Place): Resolved {
  const layers: { node: JsonObject; place: Place }[] = [];
  const refs: string[] = [];
  let current: Json | undefined = node;
  let at = place;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (refs.length >= MAX_REF_DEPTH) throw new SpecDiffError(`${doc.name}: $ref chain too deep at ${at.pointer}`);
    if (!ref.startsWith("#"))
      throw new SpecDiffError(
        `${doc.name}: ${at.pointer}/$ref is ${ref}, another file; spec:diff reads one self-contained document`,
      );
    layers.push({ node: current, place: at });
    refs.push(ref);
    const pointer = decodeURIComponent(ref.slice(1));
    current = valueAt(doc.root, pointer);
    if (current === undefined) throw new SpecDiffError(`${doc.name}: ${at.pointer}/$ref ${ref} leads nowhere`);
    at = { pointer, label: labelOfComponent(pointer) ?? at.label };
  }
  const target = isObject(current) ? current : booleanSchema(current);
  layers.push({ node: target, place: at });
  return merged(layers, at, refs);
}

function merged(layers: { node: JsonObject; place: Place }[], place: Place, refs: string[]): Resolved {
  const node: JsonObject = {};
  const where = new Map<string, Place>();
  // innermost first, so that keywords beside a $ref win
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(layer.node)) {
      if (key === "$ref") continue;
      node[key] = value;
      where.set(key, layer.place);
    }
  }
  return {
    node,
    place,
    refs,
    target: layers[layers.length - 1]!,
    placeOf: (key) => {
      const p = where.get(key) ?? place;
      return { pointer: childPointer(p.pointer, key), label: p.label };
    },
  };
}

/** `true` and `false` are schemas in OpenAPI 3.1: anything, and nothing. */
function booleanSchema(value: Json | undefined): JsonObject {
  return value === false ? { not: {} } : {};
}

function labelOfComponent(pointer: string): string | undefined {
  const match = /^\/components\/[^/]+\/([^/]+)$/.exec(pointer);
  return match ? match[1]!.replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
}

/** Deep equality of JSON values; key order does not count. */
export function same(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((v, i) => same(v, (b as Json[])[i]));
  const ak = Object.keys(a);
  const bo = b as JsonObject;
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && same(a[k], bo[k]));
}

/** A value as short text for a message: `"buyer"`, `12`, `[string, null]`. */
export function shown(value: Json | undefined): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
