// What the document says outside its operations: info, tags, links, extensions, and the names
// of its components, which the package exports as types (`components["schemas"]["Entity"]`).
import { compareCommon, compareDocs, isExtension } from "./annotations.ts";
import type { DiffContext } from "./changes.ts";
import { childPointer, isObject, type JsonObject, same } from "./document.ts";

/** The component kinds openapi-typescript writes into the exported `components` type. */
const TYPED_COMPONENTS = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

/** The top-level keys the operation walk judges (servers and security per operation). */
const WALKED: ReadonlySet<string> = new Set(["paths", "servers", "security", "components", "info", "openapi"]);

export function compareDocument(ctx: DiffContext): void {
  const [b, a] = [ctx.before.root, ctx.after.root];
  const top = (node: JsonObject) => ({ node, placeOf: (k: string) => ({ pointer: childPointer("", k), label: "" }) });
  compareCommon(ctx, top(b), top(a), WALKED);
  compareInfo(ctx, b, a);
  compareOpenapi(ctx, b, a);
  compareComponentNames(ctx, b, a);
  compareExamples(ctx, b, a);
}

function compareInfo(ctx: DiffContext, b: JsonObject, a: JsonObject): void {
  const [was, is] = [isObject(b.info) ? b.info : {}, isObject(a.info) ? a.info : {}];
  const place = (k: string) => ({ pointer: childPointer("/info", k), label: "" });
  if (!same(was.version, is.version))
    ctx.out.add(
      ctx,
      "info-version-changed",
      place("version"),
      `info.version ${String(was.version)} → ${String(is.version)}`,
    );
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (key === "version" || isExtension(key) || same(was[key], is[key])) continue;
    ctx.out.add(ctx, "info-changed", place(key), `info.${key} changed`);
  }
  compareDocs(ctx, { node: pick(was), placeOf: place }, { node: pick(is), placeOf: place });
}

/** Only the extensions of info: its other keys are info-changed's. */
const pick = (node: JsonObject) => Object.fromEntries(Object.entries(node).filter(([k]) => isExtension(k)));

/** 3.1.0 → 3.1.1 restates the document; 3.0 → 3.1 changes what its schemas mean. */
function compareOpenapi(ctx: DiffContext, b: JsonObject, a: JsonObject): void {
  if (b.openapi === a.openapi) return;
  const minor = (v: unknown) => String(v).split(".").slice(0, 2).join(".");
  const rule = minor(b.openapi) === minor(a.openapi) ? "restatement" : "unjudged-change";
  ctx.out.add(ctx, rule, { pointer: "/openapi", label: "" }, `openapi ${String(b.openapi)} → ${String(a.openapi)}`);
}

const componentsOf = (root: JsonObject, kind: string): JsonObject => {
  const all = isObject(root.components) ? root.components : {};
  return isObject(all[kind]) ? all[kind] : {};
};

function compareComponentNames(ctx: DiffContext, b: JsonObject, a: JsonObject): void {
  for (const kind of TYPED_COMPONENTS) {
    const [was, is] = [componentsOf(b, kind), componentsOf(a, kind)];
    const place = (name: string) => ({ pointer: childPointer("/components", kind, name), label: `${kind}/${name}` });
    for (const name of Object.keys(was)) {
      if (!(name in is)) ctx.out.add(ctx, "component-removed", place(name), "component removed", "base");
    }
    for (const name of Object.keys(is)) {
      if (!(name in was)) ctx.out.add(ctx, "component-added", place(name), "new component");
    }
  }
}

/** Named examples: a media type's `$ref` to one is compared as written, the example itself here. */
function compareExamples(ctx: DiffContext, b: JsonObject, a: JsonObject): void {
  const [was, is] = [componentsOf(b, "examples"), componentsOf(a, "examples")];
  for (const name of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (same(was[name], is[name])) continue;
    const from = name in is ? "revision" : "base";
    const what = !(name in was) ? "added" : !(name in is) ? "removed" : "changed";
    ctx.out.add(
      ctx,
      "example-changed",
      { pointer: childPointer("/components/examples", name), label: `examples/${name}` },
      `example ${what}`,
      from,
    );
  }
}
