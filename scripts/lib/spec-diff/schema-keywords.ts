// The keywords that narrow or widen the values a schema accepts: type and null, enum, format,
// pattern and the numeric limits. Which way a change goes is decided here; whether that breaks a
// client depends on the side (narrower breaks requests, wider breaks responses), which the rule
// ids carry: `request-length-narrowed` is breaking, `response-length-narrowed` additive.
import type { Ajv2020 } from "ajv/dist/2020.js";
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";
import { createAjv } from "../../../src/gate/spec-model.ts";
import { CONSTRAINT_KEYWORDS } from "../constraint-keywords.ts";
import type { DiffContext } from "./changes.ts";
import { type Json, same, shown } from "./document.ts";
import type { RuleId } from "./rules.ts";
import { admits, type SchemaView } from "./schema-view.ts";

type Direction = "narrowed" | "widened";

/** The rule-id suffix of each family, narrowed first. */
const FAMILIES = {
  type: ["type-narrowed", "type-widened"],
  nullable: ["nullable-removed", "nullable-added"],
  enumValue: ["enum-value-removed", "enum-value-added"],
  enum: ["enum-restricted", "enum-lifted"],
  format: ["format-added", "format-removed"],
  pattern: ["pattern-added", "pattern-removed"],
  length: ["length-narrowed", "length-widened"],
  range: ["range-narrowed", "range-widened"],
  itemCount: ["item-count-narrowed", "item-count-widened"],
  propertyCount: ["property-count-narrowed", "property-count-widened"],
  additionalProperties: ["additional-properties-narrowed", "additional-properties-widened"],
  variant: ["variant-removed", "variant-added"],
} as const;

export type Family = keyof typeof FAMILIES;

/** The rule for a change of `family` going `direction` on the context's side. */
export function ruleFor(ctx: DiffContext, family: Family, direction: Direction): RuleId {
  return `${ctx.side}-${FAMILIES[family][direction === "narrowed" ? 0 : 1]}` as RuleId;
}

export function report(
  ctx: DiffContext,
  family: Family,
  direction: Direction,
  b: SchemaView,
  a: SchemaView,
  key: string,
  what: string,
): void {
  const from = key in a.node || !(key in b.node) ? "revision" : "base";
  ctx.out.add(ctx, ruleFor(ctx, family, direction), (from === "base" ? b : a).placeOf(key), what, from);
}

/** Every keyword of this module, for the catch-all. */
export const VALUE_KEYWORDS: ReadonlySet<string> = new Set([
  "type",
  "nullable",
  "enum",
  "const",
  ...CONSTRAINT_KEYWORDS,
]);

export function compareValueKeywords(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (b.values && a.values) {
    // two finite lists: compare the values each side accepts, whatever keywords say so
    compareNull(ctx, b, a);
    compareEnumValues(ctx, b, a);
    return;
  }
  compareTypes(ctx, b, a);
  compareEnumPresence(ctx, b, a);
  compareWord(ctx, b, a, "format", "format-changed");
  compareWord(ctx, b, a, "pattern", "pattern-changed");
  compareBounds(ctx, b, a, "length", [
    ["minLength", "lower"],
    ["maxLength", "upper"],
  ]);
  compareRange(ctx, b, a);
  compareBounds(ctx, b, a, "itemCount", [
    ["minItems", "lower"],
    ["maxItems", "upper"],
  ]);
  compareUnique(ctx, b, a);
  compareBounds(ctx, b, a, "propertyCount", [
    ["minProperties", "lower"],
    ["maxProperties", "upper"],
  ]);
}

const typeList = (types: Set<string> | undefined) => (types ? [...types].sort().join(" | ") : "any");

function compareTypes(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (!b.types && !a.types) return;
  if (!b.types || !a.types) {
    const direction = b.types ? "widened" : "narrowed";
    report(ctx, "type", direction, b, a, "type", `type ${typeList(b.types)} → ${typeList(a.types)}`);
    return;
  }
  compareNull(ctx, b, a);
  const core = (types: Set<string>) => new Set([...types].filter((t) => t !== "null"));
  const [was, is] = [core(b.types), core(a.types)];
  const dropped = [...was].filter((t) => !admits(is, t));
  const added = [...is].filter((t) => !admits(was, t));
  if (!dropped.length && !added.length) return;
  const what = `type ${typeList(was)} → ${typeList(is)}`;
  if (dropped.length && added.length) {
    const from = "type" in a.node ? "revision" : "base";
    ctx.out.add(ctx, "type-changed", (from === "base" ? b : a).placeOf("type"), what, from);
  } else {
    report(ctx, "type", dropped.length ? "narrowed" : "widened", b, a, "type", what);
  }
}

function compareNull(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const was = b.types?.has("null") ?? true;
  const is = a.types?.has("null") ?? true;
  if (was === is) return;
  const key = "type" in a.node ? "type" : "enum" in a.node ? "enum" : "anyOf" in a.raw ? "anyOf" : "type";
  report(ctx, "nullable", is ? "widened" : "narrowed", b, a, key, is ? "null now allowed" : "null no longer allowed");
}

function compareEnumPresence(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  if (!b.values === !a.values) return;
  const key = "const" in (a.values ? a : b).node ? "const" : "enum";
  if (a.values) report(ctx, "enum", "narrowed", b, a, key, `now one of ${shown(a.values)}`);
  else report(ctx, "enum", "widened", b, a, key, `no longer limited to ${shown(b.values)}`);
}

function compareEnumValues(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const was = accepted(b);
  const is = accepted(a);
  const key = "const" in a.node ? "const" : "enum";
  for (const value of was.filter((v) => !is.some((w) => same(v, w)))) {
    report(ctx, "enumValue", "narrowed", b, a, key, `value ${shown(value)} removed`);
  }
  const open = b.node[OPEN_ENUM_EXTENSION] === true;
  for (const value of is.filter((v) => !was.some((w) => same(v, w)))) {
    if (ctx.side === "response" && open) {
      ctx.out.add(ctx, "response-open-enum-value-added", a.placeOf(key), `value ${shown(value)} added (open enum)`);
    } else {
      report(ctx, "enumValue", "widened", b, a, key, `value ${shown(value)} added`);
    }
  }
}

/** An enum's values that pass the schema's other checks (a pattern or limit can exclude some). */
function accepted(view: SchemaView): Json[] {
  const checks = Object.fromEntries(
    [...CONSTRAINT_KEYWORDS].filter((k) => k in view.node).map((k) => [k, view.node[k]!]),
  );
  if (Object.keys(checks).length === 0) return view.values ?? [];
  const validate = valueChecker(checks);
  return (view.values ?? []).filter((v) => validate(v));
}

let ajv: Ajv2020 | undefined;
const checkers = new Map<string, (value: Json) => boolean>();

function valueChecker(schema: Record<string, Json>): (value: Json) => boolean {
  const key = JSON.stringify(schema);
  const known = checkers.get(key);
  if (known) return known;
  // not strict: a fragment of limits without its `type` is what is checked here, on purpose
  ajv ??= createAjv({ strict: false, allErrors: false });
  const compiled = ajv.compile(schema);
  const check = (value: Json) => compiled(value) === true;
  checkers.set(key, check);
  return check;
}

/** format, pattern: added narrows, removed widens, replaced goes both ways at once. */
function compareWord(ctx: DiffContext, b: SchemaView, a: SchemaView, key: "format" | "pattern", changed: RuleId): void {
  const [was, is] = [b.node[key], a.node[key]];
  if (same(was, is)) return;
  if (was === undefined) report(ctx, key, "narrowed", b, a, key, `${key} ${shown(is)} added`);
  else if (is === undefined) report(ctx, key, "widened", b, a, key, `${key} ${shown(was)} removed`);
  else ctx.out.add(ctx, changed, a.placeOf(key), `${key} ${shown(was)} → ${shown(is)}`);
}

const numberOr = (value: Json | undefined, fallback: number) => (typeof value === "number" ? value : fallback);

/** Limits with a lower and an upper end: raising a lower one or lowering an upper one narrows. */
function compareBounds(
  ctx: DiffContext,
  b: SchemaView,
  a: SchemaView,
  family: Family,
  keys: [string, "lower" | "upper"][],
): void {
  for (const [key, end] of keys) {
    const none = end === "lower" ? 0 : Number.POSITIVE_INFINITY;
    const [was, is] = [numberOr(b.node[key], none), numberOr(a.node[key], none)];
    if (was === is) continue;
    const narrowed = end === "lower" ? is > was : is < was;
    const what = `${key} ${shown(b.node[key])} → ${shown(a.node[key])}`;
    report(ctx, family, narrowed ? "narrowed" : "widened", b, a, key, what);
  }
}

function compareUnique(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const [was, is] = [b.node.uniqueItems === true, a.node.uniqueItems === true];
  if (was === is) return;
  report(ctx, "itemCount", is ? "narrowed" : "widened", b, a, "uniqueItems", `uniqueItems ${was} → ${is}`);
}

interface End {
  value: number;
  exclusive: boolean;
}

/** minimum/exclusiveMinimum (3.1 numbers or 3.0 flags) as one lower end; likewise the upper. */
function endOf(view: SchemaView, end: "lower" | "upper"): End {
  const [plain, strict] = end === "lower" ? ["minimum", "exclusiveMinimum"] : ["maximum", "exclusiveMaximum"];
  const none = end === "lower" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const inclusive = numberOr(view.node[plain!], none);
  const flag = view.node[strict!] === true;
  const exclusive = numberOr(view.node[strict!], none);
  const tighter = end === "lower" ? exclusive >= inclusive : exclusive <= inclusive;
  if (typeof view.node[strict!] === "number" && tighter) return { value: exclusive, exclusive: true };
  return { value: inclusive, exclusive: flag && Number.isFinite(inclusive) };
}

const endText = (e: End, end: "lower" | "upper") =>
  Number.isFinite(e.value) ? `${end === "lower" ? ">" : "<"}${e.exclusive ? "" : "="} ${e.value}` : "none";

function compareRange(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  for (const end of ["lower", "upper"] as const) {
    const [was, is] = [endOf(b, end), endOf(a, end)];
    if (was.value === is.value && was.exclusive === is.exclusive) continue;
    const sign = end === "lower" ? 1 : -1;
    const tighter = sign * (is.value - was.value) > 0 || (is.value === was.value && is.exclusive);
    const key = end === "lower" ? "minimum" : "maximum";
    const shownKey = [key, end === "lower" ? "exclusiveMinimum" : "exclusiveMaximum"].find((k) => k in a.node) ?? key;
    const what = `${end} bound ${endText(was, end)} → ${endText(is, end)}`;
    report(ctx, "range", tighter ? "narrowed" : "widened", b, a, shownKey, what);
  }
  compareMultipleOf(ctx, b, a);
}

function compareMultipleOf(ctx: DiffContext, b: SchemaView, a: SchemaView): void {
  const [was, is] = [b.node.multipleOf, a.node.multipleOf];
  if (same(was, is)) return;
  const what = `multipleOf ${shown(was)} → ${shown(is)}`;
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;
  const narrows = typeof was !== "number" || (typeof is === "number" && whole(is / was));
  const widens = typeof is !== "number" || (typeof was === "number" && whole(was / is));
  if (narrows || !widens) report(ctx, "range", "narrowed", b, a, "multipleOf", what);
  if (widens || !narrows) report(ctx, "range", "widened", b, a, "multipleOf", what);
}
