// What every object of the spec may carry besides its meaning: documentation (descriptions,
// examples, links, extensions), `deprecated`, `default`; and the catch-all that turns a change
// to a keyword no rule reads into `unjudged-change` instead of letting it pass unseen.
import { OPEN_ENUM_EXTENSION } from "../../../src/client/spec-extensions.ts";
import type { DiffContext } from "./changes.ts";
import { type JsonObject, type Place, same, shown } from "./document.ts";
import type { RuleId } from "./rules.ts";

/** An object of the spec and where each of its keywords sits (a `Resolved`, a `SchemaView`). */
export interface Keyed {
  node: JsonObject;
  placeOf(key: string): Place;
}

const DOC_RULES: Record<string, RuleId> = {
  title: "description-changed",
  summary: "description-changed",
  description: "description-changed",
  $comment: "description-changed",
  example: "example-changed",
  examples: "example-changed",
  externalDocs: "docs-link-changed",
  tags: "tags-changed",
};

/** The keywords `compareDocs`, `compareDeprecated` and `compareDefault` judge. */
const ANNOTATIONS: ReadonlySet<string> = new Set([...Object.keys(DOC_RULES), "deprecated", "default"]);

export const isExtension = (key: string): boolean => key.startsWith("x-");

/** Where a keyword is: in the revision, or in the base when the revision has lost it. */
function placeOfKey(b: Keyed, a: Keyed, key: string): { place: Place; from: "base" | "revision" } {
  return key in a.node || !(key in b.node)
    ? { place: a.placeOf(key), from: "revision" }
    : { place: b.placeOf(key), from: "base" };
}

/** Descriptions, examples, links, tags and `x-` extensions: editorial. */
export function compareDocs(ctx: DiffContext, b: Keyed, a: Keyed): void {
  for (const key of keysOf(b, a)) {
    const rule = DOC_RULES[key] ?? (isExtension(key) && key !== OPEN_ENUM_EXTENSION ? "extension-changed" : undefined);
    if (!rule || same(b.node[key], a.node[key])) continue;
    const { place, from } = placeOfKey(b, a, key);
    const what = !(key in b.node) ? "added" : !(key in a.node) ? "removed" : "changed";
    ctx.out.add(ctx, rule, place, `${key} ${what}`, from);
  }
}

export function compareDeprecated(ctx: DiffContext, b: Keyed, a: Keyed): void {
  const was = b.node.deprecated === true;
  const is = a.node.deprecated === true;
  if (was === is) return;
  ctx.out.add(
    ctx,
    is ? "deprecated" : "deprecation-withdrawn",
    a.placeOf("deprecated"),
    is ? "deprecated" : "no longer deprecated",
  );
}

export function compareDefault(ctx: DiffContext, b: Keyed, a: Keyed): void {
  const had = "default" in b.node;
  const has = "default" in a.node;
  if (!had && !has) return;
  if (!had) {
    ctx.out.add(ctx, "default-added", a.placeOf("default"), `default ${shown(a.node.default)} added`);
  } else if (!has) {
    ctx.out.add(ctx, "default-changed", b.placeOf("default"), `default ${shown(b.node.default)} removed`, "base");
  } else if (!same(b.node.default, a.node.default)) {
    const what = `default ${shown(b.node.default)} → ${shown(a.node.default)}`;
    ctx.out.add(ctx, "default-changed", a.placeOf("default"), what);
  }
}

/** Every keyword neither `known` nor an annotation nor an extension that differs: unjudged. */
export function compareRest(ctx: DiffContext, b: Keyed, a: Keyed, known: ReadonlySet<string>): void {
  for (const key of keysOf(b, a)) {
    if (known.has(key) || ANNOTATIONS.has(key) || isExtension(key) || same(b.node[key], a.node[key])) continue;
    const { place, from } = placeOfKey(b, a, key);
    ctx.out.add(
      ctx,
      "unjudged-change",
      place,
      `\`${key}\` ${!(key in b.node) ? "added" : !(key in a.node) ? "removed" : "changed"}`,
      from,
    );
  }
}

/** The annotations and the catch-all together, for objects with no `default`. */
export function compareCommon(ctx: DiffContext, b: Keyed, a: Keyed, known: ReadonlySet<string>): void {
  compareDocs(ctx, b, a);
  compareDeprecated(ctx, b, a);
  compareRest(ctx, b, a, known);
}

function keysOf(b: Keyed, a: Keyed): string[] {
  return [...new Set([...Object.keys(b.node), ...Object.keys(a.node)])];
}
