// Two schemas met at the same place of an operation, on one side of the exchange, compared
// keyword by keyword and then property by property, item by item, variant by variant. A
// difference no rule reports, in a schema that accepts the same values, is a restatement.
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";
import { compareDefault, compareDeprecated, compareDocs, compareRest } from "./annotations.ts";
import { type DiffContext, found } from "./changes.ts";
import { childPointer, type Json, type JsonObject, type Place, resolve, type SpecDocument, same } from "./document.ts";
import { compareValueKeywords, report, ruleFor, VALUE_KEYWORDS } from "./schema-keywords.ts";
import { type SchemaView, viewOf } from "./schema-view.ts";

/** The keywords this module and schema-keywords.ts judge; any other that changes is unjudged. */
const KNOWN: ReadonlySet<string> = new Set([
  ...VALUE_KEYWORDS,
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "readOnly",
  "writeOnly",
  // subschemas are judged where a $ref reaches them
  "$defs",
]);

export function compareSchema(
  ctx: DiffContext,
  b: Json | undefined,
  bPlace: Place,
  a: Json | undefined,
  aPlace: Place,
): void {
  const bv = viewOf(ctx.before, b, bPlace);
  const av = viewOf(ctx.after, a, aPlace);
  const stack = ctx.inside;
  const key = `${ctx.side} ${bv.place.pointer} ${av.place.pointer}`;
  if (stack.has(key)) return;
  stack.add(key);
  try {
    const reported = found(ctx, () => {
      compareValueKeywords(ctx, bv, av);
      compareSchemaDocs(ctx, bv, av);
      compareProperties(ctx, bv, av);
      compareAdditional(ctx, bv, av);
      compareItems(ctx, bv, av);
      compareVariants(ctx, bv, av);
      compareAllOf(ctx, bv, av);
      compareRest(ctx, bv, av, KNOWN);
    });
    if (!reported && !same(withoutMarkers(bv.raw), withoutMarkers(av.raw)))
      ctx.out.add(ctx, "restatement", av.place, "restated; it accepts the same values");
  } finally {
    stack.delete(key);
  }
}

// readOnly/writeOnly are judged by the object that holds the property
function withoutMarkers(node: JsonObject): JsonObject {
  const { readOnly: _r, writeOnly: _w, ...rest } = node;
  return rest;
}

function compareSchemaDocs(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  compareDocs(ctx, b, a);
  compareShadowedDocs(ctx, b, a);
  compareDefault(ctx, b, a);
  compareDeprecated(ctx, b, a);
  const [open, opens] = [b.node[OPEN_ENUM_EXTENSION] === true, a.node[OPEN_ENUM_EXTENSION] === true];
  if (open === opens) return;
  const place = (opens ? a : b).placeOf(OPEN_ENUM_EXTENSION);
  if (ctx.side === "response")
    ctx.out.add(
      ctx,
      opens ? "enum-marked-open" : "enum-marked-closed",
      place,
      opens ? "enum marked open" : "enum no longer marked open",
    );
  else ctx.out.add(ctx, "extension-changed", place, `${OPEN_ENUM_EXTENSION} ${opens ? "added" : "removed"}`);
}

/**
 * A component's own description (or example) where the `$ref` that reaches it carries one of its
 * own: shadowed here, it still changed, and is told at the component.
 */
function compareShadowedDocs(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (!b.target || !a.target) return;
  const shadowed = (v: SchemaView) =>
    Object.keys(v.target!.node).filter((k) => v.placeOf(k).pointer !== childPointer(v.target!.place.pointer, k));
  const keys = new Set([...shadowed(b), ...shadowed(a)]);
  if (!keys.size) return;
  const only = (v: SchemaView) => ({
    node: Object.fromEntries(Object.entries(v.target!.node).filter(([k]) => keys.has(k))),
    placeOf: (k: string) => ({ pointer: childPointer(v.target!.place.pointer, k), label: v.target!.place.label }),
  });
  compareDocs(ctx, only(b), only(a));
}

/** The marker that keeps a property off this side (readOnly off requests, writeOnly off responses), and the other. */
const markers = (ctx: DiffContext) =>
  ctx.side === "request" ? (["readOnly", "writeOnly"] as const) : (["writeOnly", "readOnly"] as const);

function marked(doc: SpecDocument, value: Json | undefined, place: Place, marker: string): boolean {
  return value !== undefined && resolve(doc, value, place).node[marker] === true;
}

function compareProperties(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const names = new Set([...b.properties.keys(), ...b.required, ...a.properties.keys(), ...a.required]);
  for (const name of names) {
    const bp =
      b.properties.get(name) ?? (b.required.has(name) ? { value: true, place: placeOfRequired(b, name) } : undefined);
    const ap =
      a.properties.get(name) ?? (a.required.has(name) ? { value: true, place: placeOfRequired(a, name) } : undefined);
    if (!bp) added(ctx, b, a, name, ap!);
    else if (!ap) removed(ctx, b, name, bp);
    else changed(ctx, b, a, name, bp, ap);
  }
}

function placeOfRequired(view: SchemaView, name: string): Place {
  return { pointer: view.placeOf("required").pointer, label: `${view.place.label}.${name}` };
}

function added(ctx: DiffContext, b: SchemaView, a: SchemaView, name: string, ap: { value: Json; place: Place }): void {
  const [hidden] = markers(ctx);
  if (marked(ctx.after, ap.value, ap.place, hidden)) return;
  if (ctx.side === "request") {
    const required = a.required.has(name);
    ctx.out.add(
      ctx,
      required ? "request-property-added-required" : "request-property-added-optional",
      ap.place,
      `new ${required ? "required" : "optional"} property`,
    );
  } else {
    const closed = additionalOf(b) === "none";
    ctx.out.add(
      ctx,
      closed ? "response-closed-object-property-added" : "response-property-added",
      ap.place,
      "new property",
    );
  }
}

function removed(ctx: DiffContext, b: SchemaView, name: string, bp: { value: Json; place: Place }): void {
  const [hidden] = markers(ctx);
  if (marked(ctx.before, bp.value, bp.place, hidden)) return;
  const rule = ctx.side === "request" ? "request-property-removed" : "response-property-removed";
  ctx.out.add(ctx, rule, bp.place, `property removed${b.required.has(name) ? " (it was required)" : ""}`, "base");
}

function changed(
  ctx: DiffContext,
  b: SchemaView,
  a: SchemaView,
  name: string,
  bp: { value: Json; place: Place },
  ap: { value: Json; place: Place },
): void {
  const [hidden, other] = markers(ctx);
  const [was, is] = [marked(ctx.before, bp.value, bp.place, hidden), marked(ctx.after, ap.value, ap.place, hidden)];
  const request = ctx.side === "request";
  if (!was && is) {
    ctx.out.add(
      ctx,
      request ? "request-property-became-read-only" : "response-property-became-write-only",
      ap.place,
      `now ${hidden}`,
    );
    return;
  }
  if (was && !is) {
    ctx.out.add(
      ctx,
      request ? "request-property-no-longer-read-only" : "response-property-no-longer-write-only",
      ap.place,
      `no longer ${hidden}`,
    );
    return;
  }
  if (was) return; // not on this side, before or after
  if (marked(ctx.before, bp.value, bp.place, other) !== marked(ctx.after, ap.value, ap.place, other))
    ctx.out.add(ctx, "access-marker-changed", ap.place, `${other} changed`);
  const [req, requires] = [b.required.has(name), a.required.has(name)];
  if (req !== requires) {
    const rule = requires
      ? request
        ? "request-property-became-required"
        : "response-property-became-required"
      : request
        ? "request-property-became-optional"
        : "response-property-became-optional";
    ctx.out.add(ctx, rule, ap.place, requires ? "now required" : "now optional");
  }
  compareSchema(ctx, bp.value, bp.place, ap.value, ap.place);
}

/** additionalProperties as a kind: any value, none, or held to a schema. */
function additionalOf(view: SchemaView): "any" | "none" | "schema" {
  const value = view.node.additionalProperties;
  if (value === undefined || value === true) return "any";
  if (value === false) return "none";
  return typeof value === "object" && value !== null && Object.keys(value).length === 0 ? "any" : "schema";
}

function compareAdditional(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const [was, is] = [additionalOf(b), additionalOf(a)];
  const key = "additionalProperties";
  if (was === "schema" && is === "schema") {
    const place = (v: SchemaView) => ({ ...v.placeOf(key), label: `${v.place.label}{*}` });
    compareSchema(ctx, b.node[key], place(b), a.node[key], place(a));
    return;
  }
  if (was === is) return;
  const narrowed = was === "any" || is === "none";
  report(
    ctx,
    "additionalProperties",
    narrowed ? "narrowed" : "widened",
    b,
    a,
    key,
    `additionalProperties ${was} → ${is}`,
  );
}

function compareItems(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (!("items" in b.node) && !("items" in a.node)) return;
  const place = (v: SchemaView) => ({ ...v.placeOf("items"), label: `${v.place.label}[]` });
  compareSchema(ctx, b.node.items, place(b), a.node.items, place(a));
}

/** anyOf/oneOf: variants paired by $ref, then by content, then in order; the rest added or removed. */
function compareVariants(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (!b.variants && !a.variants) return;
  if (!b.variants || !a.variants || b.variants.key !== a.variants.key) {
    const key = (a.variants ?? b.variants)!.key;
    const from = a.variants ? "revision" : "base";
    ctx.out.add(
      ctx,
      "unjudged-change",
      (a.variants ? a : b).placeOf(key),
      `${b.variants?.key ?? "no anyOf/oneOf"} → ${a.variants?.key ?? "none"}`,
      from,
    );
    return;
  }
  const left = [...b.variants.items];
  const right = [...a.variants.items];
  const pairs: [(typeof left)[number], (typeof right)[number]][] = [];
  const take = (match: (x: Json, y: Json) => boolean) => {
    for (const x of [...left]) {
      const j = right.findIndex((y) => match(x.value, y.value));
      if (j < 0) continue;
      pairs.push([x, right[j]!]);
      left.splice(left.indexOf(x), 1);
      right.splice(j, 1);
    }
  };
  const refOf = (v: Json) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v.$ref : undefined);
  take((x, y) => refOf(x) !== undefined && refOf(x) === refOf(y));
  take((x, y) => same(x, y));
  while (left.length && right.length) pairs.push([left.shift()!, right.shift()!]);
  for (const [x, y] of pairs) compareSchema(ctx, x.value, x.place, y.value, y.place);
  for (const x of left) ctx.out.add(ctx, ruleFor(ctx, "variant", "narrowed"), x.place, "variant removed", "base");
  for (const y of right) ctx.out.add(ctx, ruleFor(ctx, "variant", "widened"), y.place, "variant added");
}

/** An allOf that could not be merged: its parts in order. */
function compareAllOf(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const [was, is] = [b.node.allOf, a.node.allOf];
  if (was === undefined && is === undefined) return;
  if (!Array.isArray(was) || !Array.isArray(is) || was.length !== is.length) {
    if (!same(was, is))
      ctx.out.add(ctx, "unjudged-change", (is ? a : b).placeOf("allOf"), "allOf changed", is ? "revision" : "base");
    return;
  }
  const at = (v: SchemaView, i: number) => ({ pointer: `${v.placeOf("allOf").pointer}/${i}`, label: v.place.label });
  for (const [i, part] of was.entries()) compareSchema(ctx, part, at(b, i), is[i], at(a, i));
}
