// What a request says, read from the bytes sent, once as the RFCs read it and once as Prism
// 5.14.2 reads it: the target table's families (targets.ts) are written with these, so a row
// says exactly which requests it is about. Written from the RFCs and from Prism's source
// (@stoplight/prism-http, micri, content-type), never from the kit's mock: they are the oracle
// the mock is held to.
import type { WireRequest } from "./wire.ts";

/** A header's value as a server reads it: leading and trailing whitespace removed (RFC 9110, 5.5). */
export function headerOf(request: WireRequest, name: string): string | undefined {
  return request.headers.find(([n]) => n === name)?.[1].replace(/^[ \t]+|[ \t]+$/g, "");
}

/**
 * The path as both targets read it: the request-target parsed as a URL (the WHATWG parser both
 * use), so dot segments are removed (RFC 3986, 5.2.4) and "\\" is "/"; a path that starts with
 * "//" stays a path here (Prism reads it otherwise: DIFFERENCES.doubleSlash).
 */
export const pathOf = (request: WireRequest): string => new URL(`http://target${request.target}`).pathname;

/** The path of the request-target as sent (before "?" or "#"). */
export const rawPathOf = (request: WireRequest): string => request.target.split(/[?#]/)[0]!;

/** The query of the request-target, without its "?" ("" when none). */
function queryOf(request: WireRequest): string {
  const query = request.target.split("#")[0]!;
  const at = query.indexOf("?");
  return at < 0 ? "" : query.slice(at + 1);
}

/**
 * A "%" not followed by two hex digits in the path or query: the request-target is not a URI
 * (RFC 3986, 2.1). Read after URL parsing, as both targets read it: one in a dot segment's
 * victim (`/%x/../`) is gone before either looks.
 */
export function hasMalformedEscape(request: WireRequest): boolean {
  const url = new URL(`http://target${request.target}`);
  return /%(?![0-9A-Fa-f]{2})/.test(`${url.pathname}${url.search}`);
}

/** A percent-encoded unreserved character in the path (RFC 3986, 2.3: `%61` for "a"). */
export const hasEncodedUnreserved = (request: WireRequest): boolean =>
  /%(?:2[dDeE]|3\d|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/.test(pathOf(request));

/** Well-formed escapes in a path segment that do not decode as UTF-8 (`%C3`, `%FF`). */
export function hasUndecodableEscape(request: WireRequest): boolean {
  return pathOf(request)
    .split("/")
    .some((segment) => {
      try {
        decodeURIComponent(segment);
        return false;
      } catch {
        return !/%(?![0-9A-Fa-f]{2})/.test(segment);
      }
    });
}

// ---------------------------------------------------------------- media types (RFC 9110, 8.3.1)

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED =
  '"(?:[\\u000b\\u0020\\u0021\\u0023-\\u005b\\u005d-\\u007e\\u0080-\\u00ff]|\\\\[\\u000b\\u0020-\\u00ff])*"';
const TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);
const PARAMETER_7231 = new RegExp(`; *(${TOKEN}) *= *(${QUOTED}|${TOKEN}) *`, "y");

/**
 * Whether Prism's media-type parser reads the value: the `content-type` package, which follows
 * RFC 7231 (3.1.1.1), where every ";" must be followed by a parameter. RFC 9110 (8.3.1) has since
 * made the parameter optional, so `application/json;` is a media type that Prism cannot read.
 */
export function prismReadsMediaType(value: string): boolean {
  const semicolon = value.indexOf(";");
  const type = (semicolon < 0 ? value : value.slice(0, semicolon)).trim();
  if (!TYPE.test(type)) return false;
  if (semicolon < 0) return true;
  let at = semicolon;
  while (at < value.length) {
    PARAMETER_7231.lastIndex = at;
    if (!PARAMETER_7231.exec(value)) return false;
    at = PARAMETER_7231.lastIndex;
  }
  return true;
}

/** `type/subtype` of a Content-Type, lower case; undefined when it names none. */
function essenceOf(value: string | undefined): string | undefined {
  const type = value?.split(";")[0]?.trim().toLowerCase();
  return type && TYPE.test(type) ? type : undefined;
}

/** The charset parameter of a Content-Type, lower case and unquoted; undefined when none. */
export function charsetOf(value: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(value ?? "");
  return match?.[2]?.toLowerCase();
}

export const startsWithBom = (request: WireRequest): boolean =>
  request.body[0] === 0xef && request.body[1] === 0xbb && request.body[2] === 0xbf;

// -------------------------------------------------------------------- Accept (RFC 9110, 12.5.1)

const MEDIA_RANGE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** One element of Accept as RFC 9110 writes it, or undefined: "*\/*", "type/*" or "type/subtype", parameters, q. */
function rangeOf(element: string): { type: string; subtype: string; q: number } | undefined {
  const [range = "", ...params] = element.split(";").map((p) => p.trim());
  const [, type, subtype] = MEDIA_RANGE.exec(range) ?? [];
  if (type === undefined || subtype === undefined || (type === "*" && subtype !== "*")) return undefined;
  let q = 1;
  for (const param of params.filter(Boolean)) {
    const [, name, value] = new RegExp(`^(${TOKEN})=(${TOKEN}|${QUOTED})$`).exec(param) ?? [];
    if (name === undefined || value === undefined) return undefined;
    if (name.toLowerCase() === "q") {
      if (!QVALUE.test(value)) return undefined;
      q = Number(value);
    }
  }
  return { type: type.toLowerCase(), subtype: subtype.toLowerCase(), q };
}

/**
 * Whether Accept admits application/json (RFC 9110, 12.5.1): no header or an empty one admits
 * anything; else the most specific range that matches decides (12.5.1), and q=0 is "not
 * acceptable" (12.4.2). Elements that are not media ranges admit nothing.
 */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === "") return true;
  const ranks = accept
    .split(",")
    .map((element) => rangeOf(element.trim()))
    .filter((r) => r && (r.type === "*" || r.type === "application") && (r.subtype === "*" || r.subtype === "json"))
    .map((r) => ({ specificity: (r!.type === "*" ? 0 : 1) + (r!.subtype === "*" ? 0 : 1), q: r!.q }))
    .sort((a, b) => b.specificity - a.specificity || b.q - a.q);
  return (ranks[0]?.q ?? 0) > 0;
}

/**
 * Elements RFC 9110 does not allow that Prism's negotiation (the `negotiator` package) still
 * reads as ranges: a wildcard type with a concrete subtype (`*\/json`), a weight above 1.
 */
export const hasLooseRange = (accept: string | undefined): boolean =>
  (accept ?? "").split(",").some((element) => {
    const [range = "", ...params] = element.split(";").map((p) => p.trim());
    const q = params.find((p) => /^q=/i.test(p));
    return /^\*\/(?!\*)[^/\s]+$/.test(range) || (q !== undefined && Number(q.slice(2)) > 1);
  });

/** Whether an element of Accept has a parameter other than q (`application/*;level=1`). */
export const hasRangeParameter = (accept: string | undefined): boolean =>
  (accept ?? "").split(",").some((element) =>
    element
      .split(";")
      .slice(1)
      .some((p) => p.trim() !== "" && !/^q\s*=/i.test(p.trim())),
  );

/** Prism splits Accept at every comma and reads each element with its media-type parser. */
export const prismUnreadableAccept = (accept: string | undefined): boolean =>
  accept !== undefined && accept !== "" && accept.split(",").some((element) => !prismReadsMediaType(element));

/**
 * Whether Prism's HTTP layer (micri) writes its own errors (400 for a body it cannot read, 500)
 * as JSON: when Accept is absent, exactly application/json, unreadable, or a single "*\/*".
 */
export function prismErrorsAsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === "application/json" || !prismReadsMediaType(accept)) return true;
  return accept.split(";")[0]!.trim() === "*/*";
}

// ------------------------------------------------------------ Basic credentials (RFC 7617, 2)

/** What Basic credentials carry, read as RFC 7617 reads them: the key, another password, or not Basic credentials at all. */
export function basicAsRfc(request: WireRequest, key: string): "key" | "other password" | "malformed" | "none" {
  const header = headerOf(request, "authorization");
  if (header === undefined) return "none";
  // credentials = auth-scheme [ 1*SP token68 ] (RFC 9110, 11.4); Basic's token is base64 (RFC 4648, 4)
  const token = /^basic +([A-Za-z0-9+/]+={0,2})$/i.exec(header)?.[1];
  if (token === undefined) return "malformed";
  const bytes = Buffer.from(token, "base64");
  if (bytes.toString("base64").replace(/=+$/, "") !== token.replace(/=+$/, "")) return "malformed";
  const colon = bytes.indexOf(0x3a);
  if (colon < 0) return "malformed";
  try {
    const password = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(colon + 1));
    return password === key ? "key" : "other password";
  } catch {
    return "malformed";
  }
}

/**
 * Whether Prism takes the Authorization header as Basic credentials: it splits the value at
 * single spaces, wants `basic` (any case) and a second part that Node's lenient base64 decoder
 * (any alphabet, stray characters skipped) turns into text with exactly one colon. It never
 * looks at the password.
 */
export function prismTakesBasic(request: WireRequest): boolean {
  const header = request.headers.find(([n]) => n === "authorization")?.[1].trim();
  if (!header) return false;
  const [scheme = "", token] = header.split(" ");
  return scheme.toLowerCase() === "basic" && !!token && Buffer.from(token, "base64").toString().split(":").length === 2;
}

// ------------------------------------------------------------------ Prism's own controls

/** Prism's query-string controls; all but __server are read only without a Prefer header. */
export function hasPrismQueryControl(request: WireRequest): boolean {
  const params = new URLSearchParams(queryOf(request));
  if (params.has("__server")) return true;
  const read = headerOf(request, "prefer") === undefined;
  return read && ["__code", "__example", "__dynamic", "__seed"].some((name) => params.has(name));
}

export const isCorsPreflight = (request: WireRequest): boolean =>
  request.method === "OPTIONS" &&
  headerOf(request, "origin") !== undefined &&
  headerOf(request, "access-control-request-method") !== undefined;

// ------------------------------------------- requests the spec and the RFCs make the same

export const withoutHeader = (request: WireRequest, name: string): WireRequest => ({
  ...request,
  headers: request.headers.filter(([n]) => n !== name),
});

/** Without its query: the spec defines no query parameter. */
export const withoutQuery = (request: WireRequest): WireRequest => ({ ...request, target: rawPathOf(request) });

export const withoutBody = (request: WireRequest): WireRequest => ({ ...request, body: new Uint8Array() });

/**
 * Without the charset parameter of its Content-Type, which has no effect on JSON (RFC 8259, 11);
 * undefined when the Content-Type names no media type (there is nothing left to compare).
 */
export function withoutCharset(request: WireRequest): WireRequest | undefined {
  if (essenceOf(headerOf(request, "content-type")) === undefined) return undefined;
  const strip = (value: string) => value.replace(/\s*;\s*charset\s*=\s*("[^"]*"|[^;]*)/i, "");
  return { ...request, headers: request.headers.map(([n, v]) => [n, n === "content-type" ? strip(v) : v]) };
}

/** With its percent-encoded unreserved characters decoded: the same path (RFC 3986, 6.2.2.2). */
export const withUnreservedDecoded = (request: WireRequest): WireRequest => ({
  ...request,
  target: request.target.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded;
  }),
});
