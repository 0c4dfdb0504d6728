// Who may call an operation, and where: its security requirement (the operation's own, else the
// document's) as a list of alternatives, each a set of schemes with scopes; the schemes' own
// definitions; and the servers it is reached at.
import { compareCommon } from "./annotations.ts";
import type { DiffContext } from "./changes.ts";
import { childPointer, isObject, type Json, type Place, resolve, type SpecDocument, same } from "./document.ts";
import type { OperationAt } from "./operations.ts";

/** One accepted way to authenticate: scheme → scopes (all of them at once). */
type Alternative = Map<string, Set<string>>;

function requirementOf(doc: SpecDocument, o: OperationAt): { alternatives: Alternative[]; place: Place } {
  const own = "security" in o.op.node;
  const list = own ? o.op.node.security : doc.root.security;
  const place = own ? o.op.placeOf("security") : { pointer: "/security", label: "" };
  const alternatives = (Array.isArray(list) ? list : []).map(
    (entry) =>
      new Map(
        Object.entries(isObject(entry) ? entry : {}).map(([scheme, scopes]) => [
          scheme,
          new Set(Array.isArray(scopes) ? (scopes as string[]) : []),
        ]),
      ),
  );
  // no requirement at all is one alternative that asks for nothing
  const label = own ? `${o.label} security` : "security";
  return { alternatives: alternatives.length ? alternatives : [new Map()], place: { ...place, label } };
}

/** `x` asks for no more than `y`: every scheme and scope of x is in y. */
function within(x: Alternative, y: Alternative): boolean {
  return [...x].every(([scheme, scopes]) => y.has(scheme) && [...scopes].every((s) => y.get(scheme)!.has(s)));
}

const equal = (x: Alternative, y: Alternative) => within(x, y) && within(y, x);

const describe = (alt: Alternative) =>
  alt.size === 0
    ? "no authentication"
    : [...alt].map(([scheme, scopes]) => (scopes.size ? `${scheme} (${[...scopes].join(", ")})` : scheme)).join(" + ");

export function compareSecurity(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const was = requirementOf(ctx.before, b);
  const is = requirementOf(ctx.after, a);
  const matched = new Set<Alternative>();
  for (const old of was.alternatives) {
    if (is.alternatives.some((n) => equal(old, n))) {
      matched.add(is.alternatives.find((n) => equal(old, n))!);
      continue;
    }
    const looser = is.alternatives.find((n) => within(n, old));
    const stricter = is.alternatives.find((n) => within(old, n));
    if (looser) matched.add(looser);
    else if (stricter) matched.add(stricter);
    const rule = looser
      ? "security-requirement-looser"
      : stricter
        ? "security-requirement-stricter"
        : "security-alternative-removed";
    const now = looser ?? stricter;
    const what = now ? `${describe(old)} → ${describe(now)}` : `${describe(old)} no longer accepted`;
    ctx.out.add(ctx, rule, now ? is.place : was.place, what, now ? "revision" : "base");
  }
  for (const alt of is.alternatives) {
    if (!matched.has(alt)) ctx.out.add(ctx, "security-alternative-added", is.place, `${describe(alt)} accepted`);
  }
  const schemes = new Set(was.alternatives.flatMap((alt) => [...alt.keys()]));
  for (const scheme of schemes) compareScheme(ctx, scheme);
}

const SCHEME_KEYS: ReadonlySet<string> = new Set([
  "type",
  "scheme",
  "bearerFormat",
  "in",
  "name",
  "flows",
  "openIdConnectUrl",
]);

/** A scheme clients use, as both documents define it; how credentials travel is all that counts. */
function compareScheme(ctx: DiffContext, name: string): void {
  const place = { pointer: childPointer("/components/securitySchemes", name), label: `security scheme ${name}` };
  const defined = (doc: SpecDocument) => {
    const schemes = isObject(doc.root.components) ? doc.root.components.securitySchemes : undefined;
    return isObject(schemes) && name in schemes ? resolve(doc, schemes[name], place) : undefined;
  };
  const [was, is] = [defined(ctx.before), defined(ctx.after)];
  if (!was || !is) return; // a scheme no document defines is the lint's to find
  const moved = [...SCHEME_KEYS].filter((k) => !same(was.node[k], is.node[k]));
  if (moved.length) ctx.out.add(ctx, "security-scheme-changed", is.place, `${moved.join(", ")} changed`);
  compareCommon({ ...ctx, side: "document" }, was, is, SCHEME_KEYS);
}

// ------------------------------------------------------------------ servers

interface Server {
  node: Json;
  place: Place;
}

function serversOf(doc: SpecDocument, o: OperationAt): Map<string, Server> {
  const [list, pointer] =
    "servers" in o.op.node
      ? [o.op.node.servers, o.op.placeOf("servers").pointer]
      : "servers" in o.pathItem.node
        ? [o.pathItem.node.servers, o.pathItem.placeOf("servers").pointer]
        : [doc.root.servers, "/servers"];
  const out = new Map<string, Server>();
  // no servers means the document's own location, "/"
  const servers = Array.isArray(list) && list.length ? list : [{ url: "/" }];
  servers.forEach((s, i) => {
    const url = isObject(s) && typeof s.url === "string" ? s.url : "";
    out.set(url.replace(/\/+$/, ""), { node: s, place: { pointer: `${pointer}/${i}`, label: `server ${url}` } });
  });
  return out;
}

const SERVER_KEYS: ReadonlySet<string> = new Set(["url"]);

export function compareServers(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const [before, after] = [serversOf(ctx.before, b), serversOf(ctx.after, a)];
  for (const [url, s] of before) {
    if (!after.has(url)) ctx.out.add(ctx, "server-removed", s.place, "removed", "base");
  }
  for (const [url, s] of after) {
    const was = before.get(url);
    if (!was) {
      ctx.out.add(ctx, "server-added", s.place, "added");
      continue;
    }
    const keyed = (x: Server) => ({
      node: isObject(x.node) ? x.node : {},
      placeOf: (k: string) => ({ pointer: childPointer(x.place.pointer, k), label: x.place.label }),
    });
    // variables: which values a client may fill in, a rule yet to be written
    compareCommon(ctx, keyed(was), keyed(s), SERVER_KEYS);
  }
}
