// The requests the property test (contract-tests/property.test.ts) generates: every dimension
// of an HTTP request the spec and the RFCs under it say something about, each drawn from what
// a correct client sends and from what a careless or broken one does. Operations, methods,
// paths, path parameters and bodies come from the spec (never a copy of it); the variations are
// the ones the RFCs name (RFC 3986 for paths, RFC 9110 for Accept, Content-Type and
// Authorization, RFC 7617 for Basic, RFC 8259 for JSON). A probe is data (fast-check prints it
// and shrinks it); `wireOf` renders it for one target, with that target's key.
import fc from "fast-check";
import type { Json, JsonObject, OperationSpec } from "./spec.ts";
import { spec } from "./spec.ts";
import { WRONG_KEY } from "./targets.ts";
import type { WireRequest } from "./wire.ts";

/** Basic credentials as a probe builds them (RFC 7617); `password: "key"` is the target's own key. */
interface BasicCredentials {
  kind: "basic";
  scheme: string;
  /** what separates the scheme from the token (RFC 9110, 11.4: one or more spaces) */
  gap: string;
  user: string;
  password: { kind: "key" } | { kind: "text"; text: string };
  /** how user-pass becomes bytes: UTF-8 (RFC 7617, 2.1), Latin-1, or UTF-8 with a stray 0xFF */
  bytes: "utf-8" | "latin1" | "invalid utf-8";
  /** how the bytes become the token: base64 (RFC 4648, 4), base64url (5), unpadded, with stray characters */
  base64: "standard" | "url" | "unpadded" | "stray";
  trailing: string;
}

type Credentials = BasicCredentials | { kind: "raw"; value: string } | { kind: "bearer key" };

interface ProbeBody {
  /** the text before encoding */
  text: string;
  encoding: "utf-8" | "utf-8 with bom" | "utf-16le" | "utf-16le with bom" | "latin1" | "invalid utf-8";
}

/** One generated request, before it is rendered for a target. */
export interface Probe {
  /** the operation the request was made from (it may no longer reach it) */
  operationId: string;
  method: string;
  /** the path as written on the request line */
  path: string;
  /** "" or a query string with its "?" */
  query: string;
  accept: string | undefined;
  contentType: string | undefined;
  credentials: Credentials | undefined;
  body: ProbeBody | undefined;
  /** other headers (Prefer, Origin, Access-Control-Request-Method) */
  headers: [string, string][];
}

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

/** A JSON Schema of the spec, with its $ref (into the schema document) followed. */
function resolved(schema: JsonObject): JsonObject {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.split("/").at(-1)!;
  return resolved((spec.schemaDocument.$defs as JsonObject)[name] as JsonObject);
}

function methodArb(op: OperationSpec): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(op.method.toUpperCase()), weight: 12 },
    { arbitrary: fc.constantFrom(...METHODS), weight: 3 },
    // methods are case-sensitive (RFC 9110, 9.1): `post` is not POST
    { arbitrary: fc.constant(op.method.toLowerCase()), weight: 1 },
  );
}

/** A value for a path parameter: the spec's example, another that fits its schema, or one that does not. */
function paramValueArb(param: OperationSpec["pathParams"][number]): fc.Arbitrary<string> {
  const schema = resolved(param.schema);
  const pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern) : undefined;
  return fc.oneof(
    { arbitrary: fc.constant(String(param.example)), weight: 6 },
    ...(pattern ? [{ arbitrary: fc.stringMatching(pattern), weight: 2 }] : []),
    { arbitrary: fc.constantFrom("", "not-an-id", "64b8f0f5e4b0", "%7Bid%7D", "64b8f0f5e4b0c3a1d5e6f7a8x"), weight: 2 },
  );
}

const hex = (code: number, upper: boolean) => {
  const digits = code.toString(16).padStart(2, "0");
  return `%${upper ? digits.toUpperCase() : digits}`;
};

/** What a sloppy client or a hostile one does to a path (RFC 3986, 6.2.2: which of these are the same path). */
const PATH_EDITS = {
  /** an unreserved character percent-encoded: the same path (RFC 3986, 6.2.2.2) */
  encodeUnreserved: (path: string, at: number, upper: boolean) => {
    const indexes = [...path].flatMap((c, i) => (/[A-Za-z0-9\-._~]/.test(c) ? [i] : []));
    const i = indexes[at % indexes.length];
    return i === undefined ? path : `${path.slice(0, i)}${hex(path.charCodeAt(i), upper)}${path.slice(i + 1)}`;
  },
  /** a "/" percent-encoded: not a segment separator any more (RFC 3986, 2.2) */
  encodeSlash: (path: string, at: number, upper: boolean) => replaceNth(path, "/", at, upper ? "%2F" : "%2f", 1),
  /** a percent sign that starts no escape, or bytes that are not UTF-8 */
  invalidEscape: (path: string, at: number) =>
    insertInSegment(path, at, ["%", "%ZZ", "%4", "%C3", "%E0%A4%A", "%FF"][at % 6]!),
  /** "." and ".." segments, plain or encoded (RFC 3986, 5.2.4; the WHATWG URL parser removes %2e too) */
  dotSegment: (path: string, at: number) =>
    replaceNth(path, "/", at, ["/./", "/x/../", "/%2e/", "/%2E%2e/x/../"][at % 4]!, 0),
  /** an empty segment; at the start, a path that looks like a network-path reference */
  doubleSlash: (path: string, at: number) => replaceNth(path, "/", at, "//", 0),
  /** paths are case-sensitive (RFC 3986, 6.2.2.1) */
  upperCase: (path: string, at: number) => {
    const indexes = [...path].flatMap((c, i) => (/[a-z]/.test(c) ? [i] : []));
    const i = indexes[at % indexes.length];
    return i === undefined ? path : `${path.slice(0, i)}${path[i]!.toUpperCase()}${path.slice(i + 1)}`;
  },
  trailing: (path: string, at: number) => `${path}${["/", ".", "%20", ";x", "~", "//", "#top", "\\"][at % 8]}`,
  unknown: (path: string, at: number) => [`${path}/unknown`, `/nope${path}`, "/", "/invitations"][at % 4]!,
  /** what looks like an authority in front of the path (a request-target in origin-form has none, RFC 9112, 3.2.1) */
  authority: (path: string, at: number) => `//${["example.com", "app.leadconduit.com", "x"][at % 3]}${path}`,
};

type PathEdit = keyof typeof PATH_EDITS;

function replaceNth(path: string, find: string, at: number, by: string, skip: number): string {
  const indexes = [...path].flatMap((c, i) => (c === find && i >= skip ? [i] : []));
  const i = indexes[at % Math.max(indexes.length, 1)];
  return i === undefined ? path : `${path.slice(0, i)}${by}${path.slice(i + find.length)}`;
}

function insertInSegment(path: string, at: number, text: string): string {
  const i = 1 + (at % Math.max(path.length - 1, 1));
  return `${path.slice(0, i)}${text}${path.slice(i)}`;
}

function applyEdit(path: string, edit: { kind: PathEdit; at: number; upper: boolean }): string {
  return PATH_EDITS[edit.kind](path, edit.at, edit.upper);
}

function pathArb(op: OperationSpec): fc.Arbitrary<string> {
  const filled = fc
    .tuple(...op.pathParams.map(paramValueArb))
    .map((values) => op.pathParams.reduce((p, param, i) => p.replace(`{${param.name}}`, values[i]!), op.path));
  const edit = fc.record({
    kind: fc.constantFrom(...(Object.keys(PATH_EDITS) as PathEdit[])),
    at: fc.nat(40),
    upper: fc.boolean(),
  });
  return fc
    .tuple(filled, fc.oneof(fc.constant([]), fc.array(edit, { minLength: 1, maxLength: 2 })))
    .map(([path, edits]) => edits.reduce(applyEdit, path));
}

const QUERY = fc.oneof(
  { arbitrary: fc.constant(""), weight: 10 },
  fc.constantFrom("?", "?debug=1", "?email=a%40example.com", "?a=1&a=2", "?%ZZ"),
  // Prism's own controls (its __code, __example, __dynamic, __seed and __server parameters)
  fc.constantFrom(
    "?__code=401",
    "?__code=200",
    "?__code=404",
    "?__code=abc",
    "?__example=none",
    "?__dynamic=true",
    "?__dynamic=maybe",
    "?__seed=7",
    "?__server=https://elsewhere.example.com",
  ),
);

/** One element of an Accept header: a media range, its parameters and weight (RFC 9110, 12.5.1). */
const MEDIA_RANGE = fc
  .tuple(
    fc.constantFrom(
      "application/json",
      "application/*",
      "*/*",
      "text/html",
      "application/xml",
      "application/problem+json",
      "APPLICATION/JSON",
      "text/*",
      "*/json",
    ),
    fc.constantFrom(
      "",
      ";q=0",
      ";q=0.0",
      ";q=0.5",
      ";q=1",
      ";q=1.000",
      ";q=0.001",
      " ; q=0.2",
      ";charset=utf-8",
      ";level=1",
    ),
  )
  .map(([range, params]) => `${range}${params}`);

const ACCEPT = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: fc.array(MEDIA_RANGE, { minLength: 1, maxLength: 3 }).map((ranges) => ranges.join(", ")), weight: 6 },
  // weights that a server must read with the most specific range first (RFC 9110, 12.5.1)
  fc.constantFrom("application/json;q=0, */*", "*/*;q=0", "*/*;q=0, application/json", "text/html, */*;q=0"),
  // not media ranges at all
  fc.constantFrom(
    "*",
    "application/",
    "json",
    "",
    "text/html, foo",
    "application/json;q=",
    "*/json",
    "application/json, *",
  ),
);

const CONTENT_TYPE = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          "application/json",
          "Application/JSON",
          "application/merge-patch+json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "text/json",
        ),
        fc.constantFrom(
          "",
          "",
          "; charset=utf-8",
          "; charset=UTF-8",
          '; charset="utf-8"',
          "; charset=utf-16le",
          "; charset=latin1",
          "; charset=us-ascii",
          "; charset=unknown-8",
          ";version=1",
        ),
      )
      .map(([media, params]) => `${media}${params}`),
    weight: 12,
  },
  // not media types
  fc.constantFrom(
    "",
    "application/",
    "application",
    "/json",
    "application/json x",
    "; charset=utf-8",
    "application/json;",
  ),
);

/**
 * A JSON body: the spec's example for the operation (another operation's for one that takes no
 * body), or that example broken in one of the ways its schema forbids.
 */
function jsonTextArb(op: OperationSpec): fc.Arbitrary<string> {
  const body = op.body ?? spec.operations.find((o) => o.body)!.body!;
  const base = Object.values(body.examples)[0] as JsonObject;
  const properties = Object.keys(resolved(body.schema).properties as JsonObject);
  const wrong: fc.Arbitrary<Json> = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant<Json>([]),
    fc.constant<Json>({}),
    fc.constantFrom("", "not an address", "a@b", "ü@example.com"),
  );
  const objects: fc.Arbitrary<Json> = fc.oneof(
    { arbitrary: fc.constant(base), weight: 6 },
    fc.constantFrom(...properties).map((name) => omit(base, name)),
    fc.tuple(fc.constantFrom(...properties), wrong).map(([name, value]) => ({ ...base, [name]: value })),
    fc.constantFrom("admin", "Email", "extra").map((name) => ({ ...base, [name]: true })),
    fc.constantFrom<Json>([], "text", 5, null, [base]),
  );
  return fc.oneof(
    { arbitrary: objects.map((value) => JSON.stringify(value)), weight: 8 },
    // not JSON at all, or JSON with what RFC 8259 allows around it
    fc.constantFrom("{", '{"email":', "email=a@example.com", "", " ", `\t${JSON.stringify(base)}\n`),
  );
}

function omit(value: JsonObject, name: string): JsonObject {
  const { [name]: _omitted, ...rest } = value;
  return rest;
}

function bodyArb(op: OperationSpec): fc.Arbitrary<ProbeBody | undefined> {
  const body = fc.record({
    text: jsonTextArb(op),
    encoding: fc.oneof(
      { arbitrary: fc.constant("utf-8" as const), weight: 12 },
      { arbitrary: fc.constant("utf-8 with bom" as const), weight: 3 },
      fc.constantFrom("utf-16le", "utf-16le with bom", "latin1", "invalid utf-8"),
    ),
  });
  return op.body
    ? fc.oneof({ arbitrary: body, weight: 9 }, fc.constant(undefined))
    : fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, body);
}

const BASIC: fc.Arbitrary<BasicCredentials> = fc.record({
  kind: fc.constant("basic" as const),
  scheme: fc.oneof({ arbitrary: fc.constant("Basic"), weight: 6 }, fc.constantFrom("basic", "BASIC", "bAsIc")),
  gap: fc.oneof({ arbitrary: fc.constant(" "), weight: 8 }, fc.constantFrom("  ", "\t", "")),
  // "???" and "ü>" make base64 with "+" and "/", so base64url differs from base64
  user: fc.oneof({ arbitrary: fc.constant("API"), weight: 6 }, fc.constantFrom("", "someone", "???", "ü>")),
  password: fc.oneof(
    { arbitrary: fc.constant({ kind: "key" as const }), weight: 10 },
    fc.constantFrom("", WRONG_KEY, "a:b", "é", " ").map((text) => ({ kind: "text" as const, text })),
  ),
  bytes: fc.oneof({ arbitrary: fc.constant("utf-8" as const), weight: 8 }, fc.constantFrom("latin1", "invalid utf-8")),
  base64: fc.oneof(
    { arbitrary: fc.constant("standard" as const), weight: 8 },
    fc.constantFrom("url", "unpadded", "stray"),
  ),
  trailing: fc.oneof({ arbitrary: fc.constant(""), weight: 8 }, fc.constantFrom(" ", "\t")),
});

const CREDENTIALS: fc.Arbitrary<Credentials | undefined> = fc.oneof(
  { arbitrary: BASIC, weight: 12 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.constant({ kind: "bearer key" as const }), weight: 1 },
  fc.constantFrom("Basic", "Basic !!!", "", "Digest x", "Basic QVBJ").map((value) => ({ kind: "raw" as const, value })),
);

const EXTRA_HEADERS: fc.Arbitrary<[string, string][]> = fc.oneof(
  { arbitrary: fc.constant<[string, string][]>([]), weight: 12 },
  fc.constantFrom<[string, string][]>(
    [["prefer", "code=401"]],
    [["prefer", "dynamic=true"]],
    [["prefer", "example=none"]],
    [["origin", "https://app.example.com"]],
  ),
);

const PREFLIGHT: [string, string][] = [
  ["origin", "https://app.example.com"],
  ["access-control-request-method", "POST"],
];

/**
 * Every request the property test sends: one of the spec's operations, varied along every
 * dimension; one in twenty is made a CORS preflight (OPTIONS, Origin, Access-Control-Request-Method).
 */
export const probeArb: fc.Arbitrary<Probe> = fc
  .tuple(fc.constantFrom(...spec.operations), fc.nat(19))
  .chain(([op, preflight]) =>
    requestArb(op).map((probe) =>
      preflight === 0 ? { ...probe, method: "OPTIONS", headers: [...probe.headers, ...PREFLIGHT] } : probe,
    ),
  );

function requestArb(op: OperationSpec): fc.Arbitrary<Probe> {
  return fc.record({
    operationId: fc.constant(op.operationId),
    method: methodArb(op),
    path: pathArb(op),
    query: QUERY,
    accept: ACCEPT,
    contentType: fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: CONTENT_TYPE, weight: 6 }),
    credentials: CREDENTIALS,
    body: bodyArb(op),
    headers: EXTRA_HEADERS,
  });
}

const BOM = "\uFEFF";

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** Each character as one byte (characters past U+00FF do not occur in what the probes encode so). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

/** The bytes of a body as the probe encodes it. */
function bodyBytes(body: ProbeBody): Uint8Array<ArrayBuffer> {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const bytes = {
    "utf-8": () => utf8(body.text),
    "utf-8 with bom": () => utf8(`${BOM}${body.text}`),
    "utf-16le": () => utf16le(body.text),
    "utf-16le with bom": () => utf16le(`${BOM}${body.text}`),
    latin1: () => latin1(`${body.text}é`),
    "invalid utf-8": () => new Uint8Array([...utf8(body.text), 0xff]),
  }[body.encoding]();
  return new Uint8Array(bytes);
}

/** The token of Basic credentials: user-pass as bytes, then base64 in the probe's variant. */
function basicToken(c: BasicCredentials, key: string): string {
  const password = c.password.kind === "key" ? key : c.password.text;
  const userPass = `${c.user}:${password}`;
  const bytes = {
    "utf-8": () => new TextEncoder().encode(userPass),
    latin1: () => latin1(userPass),
    "invalid utf-8": () => new Uint8Array([...new TextEncoder().encode(userPass), 0xff]),
  }[c.bytes]();
  const standard = Buffer.from(bytes).toString("base64");
  return {
    standard: () => standard,
    url: () => Buffer.from(bytes).toString("base64url"),
    unpadded: () => standard.replace(/=+$/, ""),
    stray: () => `${standard.slice(0, 4)}.${standard.slice(4)}`,
  }[c.base64]();
}

/** The Authorization header a probe sends to a target whose key is `key`; undefined: none. */
function authorizationOf(credentials: Credentials | undefined, key: string): string | undefined {
  if (credentials === undefined) return undefined;
  if (credentials.kind === "raw") return credentials.value;
  if (credentials.kind === "bearer key") return `Bearer ${key}`;
  return `${credentials.scheme}${credentials.gap}${basicToken(credentials, key)}${credentials.trailing}`;
}

/** The probe as the bytes a target whose key is `key` receives. */
export function wireOf(probe: Probe, key: string): WireRequest {
  const headers: [string, string][] = [];
  const authorization = authorizationOf(probe.credentials, key);
  if (authorization !== undefined) headers.push(["authorization", authorization]);
  if (probe.accept !== undefined) headers.push(["accept", probe.accept]);
  if (probe.contentType !== undefined) headers.push(["content-type", probe.contentType]);
  headers.push(...probe.headers);
  return {
    method: probe.method,
    target: `${probe.path}${probe.query}`,
    headers,
    body: probe.body ? bodyBytes(probe.body) : new Uint8Array(),
  };
}
