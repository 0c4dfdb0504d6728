// The targets the contract suite runs against, and every way they differ: the one place that
// says so. Each contract test file runs its cases for every target below (harness.ts
// `forEachTarget`) and no test names a target: what is not the same on both is data here (how
// to reach a target and with which key, the modes that do not apply to it, the cases where it
// answers another status than the spec calls for, how a request asks it for a documented
// status, what it fills in fresh, how it says what it refused), and each datum names the entry
// of DIFFERENCES that gives the reason. agreement.test.ts holds every target to the reference's
// answers on everything else, with DIFFERENCES' `normalise` as the only allowance; property.test.ts
// does so on generated requests, where a difference must be one a row's `family` is about.
//
// Prism's launcher and the kit are imported when a target starts (in the global setup only):
// the test files, vitest's config and the gate read this table without loading them.

import { REPLY_HEADER, startMockServer, VIOLATIONS_HEADER } from "./mock-server.ts";
import type { Mode } from "./records.ts";
import {
  acceptsJson,
  basicAsRfc,
  charsetOf,
  hasEncodedUnreserved,
  hasLooseRange,
  hasMalformedEscape,
  hasPrismQueryControl,
  hasRangeParameter,
  hasUndecodableEscape,
  headerOf,
  isCorsPreflight,
  prismErrorsAsJson,
  prismReadsMediaType,
  prismTakesBasic,
  prismUnreadableAccept,
  rawPathOf,
  startsWithBom,
  withoutBody,
  withoutCharset,
  withoutHeader,
  withoutQuery,
  withUnreservedDecoded,
} from "./request-facts.ts";
import { answersNothing, type OperationSpec, operationsAt, spec, successResponse } from "./spec.ts";
import type { WireRequest } from "./wire.ts";

/** An answer as the agreement check compares it: status, Content-Type and the body (JSON when it parses). */
export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * The requests a difference is about, so the property test (contract-tests/property.test.ts) can
 * tell which row explains a difference it sees: a predicate over the bytes sent (request-facts.ts
 * reads them as the RFCs and as Prism do), and the statuses each target may answer them.
 */
export interface Family {
  /** whether a request is of this family; `key` is the key of the target it was rendered for */
  has: (request: WireRequest, key: string) => boolean;
  /** Prism's statuses for it (undefined: any), or "exits": its process ends, so it is never sent one */
  prism?: readonly number[] | "exits";
  /** the statuses the mock may answer: the RFC's, or a refusal that comes before in Prism's order (undefined: any) */
  mock?: readonly number[] | ((request: WireRequest) => readonly number[]);
  /** a request the spec and the RFCs make the same as this one (undefined: none to compare): the mock must answer the two alike */
  sameAs?: (request: WireRequest) => WireRequest | undefined;
}

interface Difference {
  /** the request or the part of an answer it is about */
  what: string;
  prism: string;
  mock: string;
  /** why they differ: deliberate, or which of them departs from the spec (or the RFC it rests on) */
  why: string;
  /** makes two targets' answers comparable on this point (applied to both) */
  normalise?: (answer: Answer, op: OperationSpec) => Answer;
  /** the requests it is about, for the property test */
  family?: Family;
}

const problemOf = (answer: Answer, status: number) =>
  answer.status === status && answer.body !== null && typeof answer.body === "object"
    ? (answer.body as Record<string, unknown>)
    : undefined;

/** The ids a create fills in fresh in the mock, as JSON pointers into its 2xx body. */
const FRESH_IDS = ["/entity/id", "/entity/invitation_id"];
/** The refusals that come before the Accept check (406), in Prism's order and the mock's. */
const EARLIER = [400, 401, 404, 405, 415, 422] as const;
/** The operation a request is for: its method at a template its path matches (undefined: none). */
const operationFor = (r: WireRequest) => operationsAt(rawPathOf(r)).find((o) => o.method === r.method.toUpperCase());
/**
 * Where the Accept header alone decides: the operation's success, or 406 when nothing the
 * request accepts admits JSON and the success has content to send; or a refusal that comes first.
 */
const byAccept = (r: WireRequest): readonly number[] => {
  const op = operationFor(r);
  const refused = !acceptsJson(headerOf(r, "accept")) && !(op && answersNothing(op));
  return [refused ? 406 : op ? successStatus(op) : 200, ...EARLIER];
};
const createsAnEntity = (op: OperationSpec) => op.method.toUpperCase() === "POST" && op.pathParams.length === 0;

export const DIFFERENCES = {
  credentials: {
    what: "Basic credentials as RFC 7617 reads them, with a password that is not the key (a wrong key, an empty one)",
    prism: "200 and the usual answer: it checks that a Basic credential is there, never which",
    mock: '401 with the documented body {"error":"authentication failed"}',
    why: "deliberate: the spec documents 401 for missing or wrong credentials, and an app's tests need that 401 to test AuthenticationError; Prism cannot know a key",
    family: { has: (r, key) => prismTakesBasic(r) && basicAsRfc(r, key) === "other password", mock: [401] },
  },
  lenientBasic: {
    what: "Basic credentials RFC 7617 does not allow but Prism's lenient decoding reads: a base64url token, stray characters in it, a password that is not UTF-8",
    prism: "takes them, as any Basic header whose token decodes to text with one colon (it never checks the key)",
    mock: "401 with the documented body: the token is base64 (RFC 7617 section 2, RFC 4648 section 4) and the password UTF-8 (RFC 7617 section 2.1)",
    why: "Prism departs from RFC 7617: Node's base64 decoder takes either alphabet and skips what it cannot read; a server refuses such a header",
    family: { has: (r, key) => prismTakesBasic(r) && basicAsRfc(r, key) === "malformed", mock: [401] },
  },
  telling: {
    what: "how a target says what it refused",
    prism:
      "an sl-violations header on the answers it makes up from the spec (the 401); none on its problem+json refusals, whose body says it",
    mock: "mock.violations for every request that breaks the spec (this suite's server passes them on in x-mock-violations); nothing for credentials",
    why: "deliberate: an app's test sends a wrong key on purpose to test its AuthenticationError handling, and must not fail mock.assertNoViolations() for it",
  },
  prefer: {
    what: "the Prefer header (code=, example=, dynamic=true, seed=)",
    prism: "picks its answer by it",
    mock: "ignores it; a test scripts answers in process (mock.reply, mock.fail)",
    why: "deliberate: the kit answers the spec's examples, deterministically, and an answer is scripted by the test that needs it. Static mode asks the mock for its 401 with a wrong key; generated mode does not apply to it",
    family: { has: (r) => headerOf(r, "prefer") !== undefined, sameAs: (r) => withoutHeader(r, "prefer") },
  },
  queryControls: {
    what: "Prism's query-string controls: __code, __example, __dynamic and __seed (without a Prefer header), __server",
    prism:
      "picks its answer by them before anything else (a documented status, an example, a generated body); 422 for a malformed one, 404 for an unknown status, example or server",
    mock: "ignores the query: the spec defines none",
    why: "deliberate: they are Prism's controls, not the API's; a test scripts answers in process (mock.reply, mock.fail)",
    family: { has: hasPrismQueryControl, sameAs: withoutQuery },
  },
  freshIds: {
    what: "the entity a create answers with",
    prism: "the spec's example, ids included",
    mock: "the example with fresh ids (/entity/id, /entity/invitation_id: 6d6f636b…01, …02); the same create again gets the same entity",
    why: "deliberate (issue 10): the API creates an entity, and an app's test can tell two creates apart",
    normalise: (answer, op) => {
      if (!createsAnEntity(op) || answer.status >= 300) return answer;
      const body = structuredClone(answer.body) as { entity?: Record<string, unknown> };
      for (const pointer of FRESH_IDS) {
        const field = pointer.split("/").at(-1)!;
        if (body.entity?.[field] != null) body.entity[field] = "(fresh id)";
      }
      return { ...answer, body };
    },
  },
  entityOfPath: {
    what: "the entity an operation on a path with an id (/invitations/{entityId}/resend) answers with",
    prism: "the spec's example, its id included, whatever id the path names",
    mock: "the example about the entity the path names: /entity/id is the path's id, decoded",
    why: "deliberate: the API answers about the entity the path names, and an app's test can tell which one it resent",
    normalise: (answer, op) => {
      if (op.pathParams.length === 0 || answer.status >= 300) return answer;
      const body = structuredClone(answer.body) as { entity?: Record<string, unknown> };
      if (body.entity?.id != null) body.entity.id = "(the path's id)";
      return { ...answer, body };
    },
  },
  problemDetail: {
    what: "the detail sentence of a 422 refusal",
    prism:
      '"Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you."',
    mock: '"Your request is not valid against the LeadConduit spec, so the mock refuses it as Prism does."',
    why: "free text the spec does not define; type, title, status and the validation list are the same",
    normalise: (answer) => {
      const problem = problemOf(answer, 422);
      return problem ? { ...answer, body: { ...problem, detail: "(free text)" } } : answer;
    },
  },
  paramCase: {
    what: "a path parameter's name in a 422 validation list",
    prism: "lower-cased (entityid)",
    mock: "as the spec names it (entityId)",
    why: "Prism departs from the spec: OpenAPI parameter names are case-sensitive",
    normalise: (answer) => {
      const problem = problemOf(answer, 422);
      if (!problem || !Array.isArray(problem.validation)) return answer;
      let text = JSON.stringify(problem.validation);
      // any operation's: a path can match another operation's template than the one it was sent for
      for (const name of new Set(spec.operations.flatMap((o) => o.pathParams.map((p) => p.name))))
        text = text.split(name).join(name.toLowerCase());
      return { ...answer, body: { ...problem, validation: JSON.parse(text) } };
    },
  },
  noContentType: {
    what: "the Content-Type of an answer without content (a 204, or any answer with an empty body)",
    prism: "text/plain",
    mock: "none",
    why: "Prism departs from RFC 9110 (section 8.3: Content-Type describes the content, and there is none); harmless, as no client reads it",
    normalise: (answer) => (answer.body === "" ? { ...answer, contentType: null } : answer),
  },
  authSpaces: {
    what: "Authorization: Basic followed by more than one space, then the right key",
    prism: "401",
    mock: "reads the credentials",
    why: "Prism departs from RFC 9110 (section 11.4: credentials = auth-scheme 1*SP token68)",
    family: {
      has: (r, key) => /^basic {2,}\S/i.test(headerOf(r, "authorization") ?? "") && basicAsRfc(r, key) === "key",
      prism: [401],
    },
  },
  malformedEscape: {
    what: 'a "%" in the request-target that is not followed by two hex digits (%ZZ, %4, a lone %)',
    prism: "exits (its process ends) when it is in a path parameter; 404 in a fixed segment; nothing in the query",
    mock: "400 before anything else: the request-target is not a URI (RFC 3986 section 2.1), and an invalid request-line is answered 400 (RFC 9112 section 3)",
    why: "Prism fails on it; the mock follows the RFCs",
    family: { has: hasMalformedEscape, prism: "exits", mock: [400] },
  },
  undecodableEscape: {
    what: "well-formed percent-escapes in the path that are not UTF-8 (%C3, %FF)",
    prism: "exits (its process ends) when they are in a path parameter; 404 in a fixed segment",
    mock: "keeps the escapes: a path parameter breaks its schema (422), a fixed segment matches nothing (404), after the usual earlier refusals",
    why: "Prism fails on it; the path is a well-formed URI (RFC 3986 section 2.1) whose value is not the spec's",
    family: {
      has: (r) => hasUndecodableEscape(r) && !hasMalformedEscape(r),
      prism: "exits",
      mock: EARLIER,
    },
  },
  doubleSlash: {
    what: "a path that starts with // (an empty first segment), or with /\\, which URL parsing reads as //",
    prism:
      "reads the first segment as a host, as in a network-path reference (RFC 3986 section 4.2), and routes the rest: another path in its 404, 500 when the segment is no host, the operation when the rest is its path",
    mock: "404: a request-target in origin-form is an absolute path (RFC 9112 section 3.2.1), here one whose first segment is empty, and no operation has that path",
    why: "Prism departs from RFC 9112: in a request-target, // starts a path, not an authority",
    family: { has: (r) => rawPathOf(r).replace(/\\/g, "/").startsWith("//"), mock: [400, 404] },
  },
  encodedSegment: {
    what: "a percent-encoded unreserved character in a fixed segment of a path with a parameter (/%69nvitations/{entityId}/resend)",
    prism: "routes it, then reads no parameter from it: 422, the parameter is required",
    mock: "the same path as without the escape (RFC 3986 section 6.2.2.2): the parameter is read as usual",
    why: "Prism departs from RFC 3986: it decodes the path to route it, but reads the parameters from the path as sent",
    family: { has: hasEncodedUnreserved, prism: [422], sameAs: withUnreservedDecoded },
  },
  unreadableMediaType: {
    what: 'a Content-Type Prism cannot parse ("application/json x", "application/", "application/json;"), on a request with a body',
    prism: '500 {"error":{"code":"internal_server_error"}}, before anything else',
    mock: "reads it as RFC 9110 section 8.3.1 does: application/json; is JSON (a parameter list may be empty), one that names no media type is 415",
    why: "Prism fails on it (its parser follows RFC 7231, where a ; must be followed by a parameter); a 5xx would blame the server for the client's request",
    family: {
      has: (r) => r.body.length > 0 && !prismReadsMediaType(headerOf(r, "content-type") || "*/*"),
      prism: [500],
    },
  },
  unreadableMediaTypeNoBody: {
    what: "a Content-Type Prism cannot parse, on a request without a body",
    prism: "exits (its process ends) when the route takes no body; 404, 405 or 422 (a body is required) otherwise",
    mock: "ignores it: there is no content for it to describe (RFC 9110 section 8.3)",
    why: "Prism fails on it; the mock follows the RFC",
    family: {
      has: (r) => r.body.length === 0 && !prismReadsMediaType(headerOf(r, "content-type") || "*/*"),
      prism: "exits",
      sameAs: (r) => withoutHeader(r, "content-type"),
    },
  },
  charset: {
    what: "a charset parameter other than UTF-8 on a request with a body (utf-16le, latin1, one no decoder knows)",
    prism:
      'decodes the body by it before anything else: 400 {"error":{"code":"invalid_body"}} for a charset it does not know, JSON read from UTF-16 or Latin-1 where the bytes allow',
    mock: "reads JSON as UTF-8 whatever the parameter (UTF-16 JSON is 400 Invalid JSON, recorded); a body of another media type is 415 as usual",
    why: "Prism departs from RFC 8259: JSON between systems is UTF-8 (section 8.1), and application/json has no charset parameter (section 11)",
    family: {
      has: (r) => r.body.length > 0 && ![undefined, "utf-8", "utf8"].includes(charsetOf(headerOf(r, "content-type"))),
      sameAs: withoutCharset,
    },
  },
  bomCharset: {
    what: "a body after a byte order mark, sent with charset=utf-8",
    prism: "drops the mark (its decoder does) and reads the rest: JSON as usual, a mark alone as no body",
    mock: "400 Invalid JSON for JSON, recorded, as without the parameter; 415 for another media type, as usual",
    why: "deliberate: a sender must not add a byte order mark (RFC 8259 section 8.1); Prism refuses one without the parameter, and the mock refuses it either way so that an app's bug shows",
    family: {
      has: (r) => startsWithBom(r) && charsetOf(headerOf(r, "content-type")) === "utf-8",
      mock: [400, 415],
      sameAs: withoutCharset,
    },
  },
  acceptUnreadable: {
    what: 'an Accept element Prism cannot parse ("*", "json", "application/", "application/json;q=")',
    prism: "exits (its process ends) when no other element admits JSON",
    mock: "ignores the element: it is not a media range and admits nothing (RFC 9110 section 12.5.1); 406 when nothing else admits application/json",
    why: "Prism fails on it; the mock follows the RFC",
    family: {
      has: (r) => prismUnreadableAccept(headerOf(r, "accept")),
      prism: "exits",
      mock: byAccept,
    },
  },
  looseRange: {
    what: "an Accept element that is no media range but looks like one: a wildcard type with a subtype (*/json), a weight above 1",
    prism: "reads it as a range: */json admits application/json, or refuses it with q=0",
    mock: "ignores it: a range is */*, type/* or type/subtype, and a weight is 0 to 1 (RFC 9110 sections 12.5.1 and 12.4.2); 406 when nothing else admits application/json",
    why: "Prism departs from RFC 9110",
    family: { has: (r) => hasLooseRange(headerOf(r, "accept")), mock: byAccept },
  },
  parameterRetry: {
    what: "an Accept that admits no JSON, with a range that has a parameter other than q (application/json;q=0, application/*;level=1)",
    prism:
      "tries again with only the ranges that have such parameters, the parameters removed, so application/*;level=1 admits JSON past application/json;q=0",
    mock: "406: the most specific range that matches decides (RFC 9110 section 12.5.1)",
    why: "Prism departs from RFC 9110",
    family: {
      has: (r) => {
        const accept = headerOf(r, "accept");
        return !acceptsJson(accept) && !prismUnreadableAccept(accept) && hasRangeParameter(accept);
      },
      mock: [401, 406],
    },
  },
  acceptStar: {
    what: "an Accept that admits no JSON but lists */* (application/json;q=0, */*; */*;q=0)",
    prism:
      "500: it finds no representation, answers 200 without a body because */* is listed, and its own check of that answer fails",
    mock: "406: the most specific range that matches decides, and q=0 means not acceptable (RFC 9110 sections 12.5.1 and 12.4.2)",
    why: "Prism departs from RFC 9110",
    family: {
      has: (r) => {
        const accept = headerOf(r, "accept");
        return !acceptsJson(accept) && !!accept?.includes("*/*") && !prismUnreadableAccept(accept);
      },
      prism: [500],
      mock: [401, 406],
    },
  },
  errorMediaType: {
    what: "the 400 for a body that is not JSON, under an Accept other than application/json or */*",
    prism: 'text/plain "Invalid JSON": its HTTP layer writes its own errors as JSON only under those',
    mock: '{"error":{"code":"invalid_json","message":"Invalid JSON"}} as application/json, whatever the Accept',
    why: "deliberate: the spec does not document that answer; the mock gives it one shape, the one Prism gives most requests (a server may disregard Accept, RFC 9110 section 12.5.1)",
    family: { has: (r) => !prismErrorsAsJson(headerOf(r, "accept")), prism: [400], mock: [400] },
  },
  bodyOnGet: {
    what: "a body on a GET or HEAD request",
    prism: "reads it as on any other request: 400 when it is not JSON, before routing",
    mock: "never sees it: a fetch Request cannot carry one (the kit takes fetch Requests, and this suite's server drops it), so it answers as to the request without it",
    why: "a GET or HEAD body has no meaning (RFC 9110 sections 9.3.1 and 9.3.2), and an app whose fetch sends one gets a TypeError before any server does",
    family: { has: (r) => (r.method === "GET" || r.method === "HEAD") && r.body.length > 0, sameAs: withoutBody },
  },
  cors: {
    what: "a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method), on any path; access-control-* headers",
    prism: "204 to the preflight, whatever the path, and access-control-* headers on every answer",
    mock: "404 or 405 to the preflight, as to any path or method the spec lacks; no CORS header",
    why: "the spec says nothing of CORS, and the kit runs inside the app's process (mock.fetch, MSW), where no preflight is sent. Headers other than Content-Type are not compared",
    family: { has: isCorsPreflight, prism: [204], mock: [400, 404, 405] },
  },
} satisfies Record<string, Difference>;

export type DifferenceId = keyof typeof DIFFERENCES;

/** Something a target said about an exchange: what it refused in the request, or found wrong in its own answer. */
interface Said {
  where: "request" | "response";
  what: string;
}

/** How a request asks a target for a documented status (static mode). */
interface Ask {
  credentials: "key" | "wrong key" | "none";
  headers: Record<string, string>;
}

interface Running {
  url: string;
  stop: () => Promise<void>;
  /** the target's own process, when it has one */
  pid?: number | undefined;
  /** resolves with why, when the target's process ends before `stop` (the run's setup notes it) */
  crashed?: Promise<string>;
}

export interface Target {
  name: string;
  /** what it is, for the report */
  about: string;
  /** the key its requests carry; the suite never prints it */
  apiKey: string;
  start: () => Promise<Running>;
  /** modes of the suite that do not apply to this target, each with the difference that says why */
  notApplicable: Partial<Record<Mode, { because: DifferenceId; note: string }>>;
  /** cases (by name, contract-tests/lib/requests.ts) this target answers with another status than the spec calls for */
  statusOf: Record<string, { status: number | "success"; because: DifferenceId }>;
  /** how a request asks it for a documented status; undefined when it cannot be asked for it */
  ask: (status: number, op: OperationSpec) => Ask | undefined;
  /** JSON pointers of a 2xx body this target fills in fresh instead of from the example */
  fresh: (op: OperationSpec) => string[];
  /** what it said about an exchange, read from the response */
  said: (response: Response) => Said[];
  /**
   * which refusals it names in `said`: a missing or wrong credential (401) or a request that
   * breaks the spec (other 4xx), each answered with a response the spec documents for the
   * operation (`documented`) or with one of the target's own making
   */
  names: { credentials: boolean; refusals: boolean; onlyDocumented: boolean; because: DifferenceId };
}

const PRISM_KEY = "lc-contract-prism-5d1c8e";
const MOCK_KEY = "lc-contract-mock-9a47f2";
/** The key the cases send as a wrong one; no target's own. */
export const WRONG_KEY = "lc-contract-wrong-30b6aa";

function parseHeader<T>(response: Response, name: string): T[] {
  const value = response.headers.get(name);
  return value === null ? [] : (JSON.parse(value) as T[]);
}

const prism: Target = {
  name: "prism",
  about: "Stoplight Prism 5.14.2, `prism mock --errors` on spec/leadconduit.yaml",
  apiKey: PRISM_KEY,
  start: async () => {
    const { startPrism } = await import("./prism.ts");
    return await startPrism();
  },
  notApplicable: {},
  statusOf: {
    "a wrong key": { status: "success", because: "credentials" },
    "an empty key": { status: "success", because: "credentials" },
    "the right key after two spaces": { status: 401, because: "authSpaces" },
    "a Content-Type that names no media type": { status: 500, because: "unreadableMediaType" },
    "UTF-16 JSON with a charset parameter": { status: "success", because: "charset" },
    "a CORS preflight": { status: 204, because: "cors" },
  },
  // any status by name (DIFFERENCES.prefer), but the 401 as the spec has it: a request without
  // credentials (Prism answers a HEAD that asks for its 401 by name 500)
  ask: (status): Ask =>
    status === 401
      ? { credentials: "none", headers: {} }
      : { credentials: "key", headers: { prefer: `code=${status}` } },
  fresh: () => [],
  said: (response) =>
    parseHeader<{ location: string[]; message: string }>(response, "sl-violations").map((v) => ({
      where: v.location[0] === "request" ? "request" : "response",
      what: `${v.location.join(".")}: ${v.message}`,
    })),
  names: { credentials: true, refusals: true, onlyDocumented: true, because: "telling" },
};

const mock: Target = {
  name: "mock",
  about: "leadconduit-client/testing's createLeadConduitMock, behind a node:http server (scripts/lib/mock-server.ts)",
  apiKey: MOCK_KEY,
  start: async () => {
    const { createLeadConduitMock } = await import("../../src/testing/index.ts");
    const server = await startMockServer(createLeadConduitMock({ apiKey: MOCK_KEY }));
    return { url: server.url, stop: server.close };
  },
  notApplicable: {
    generated: {
      because: "prefer",
      note: "the mock makes no seeded dynamic answers (Prism's Prefer: dynamic=true, seed=N); it answers the spec's examples",
    },
  },
  statusOf: {},
  // by the request itself, as an app's test would: Prefer means nothing to it (DIFFERENCES.prefer)
  // a documented error no request alone causes: scripted for that one request (mock-server.ts REPLY_HEADER)
  ask: (status, op): Ask =>
    status >= 200 && status < 300
      ? { credentials: "key", headers: {} }
      : status === 401
        ? { credentials: "wrong key", headers: {} }
        : { credentials: "key", headers: { [REPLY_HEADER]: `${op.operationId} ${status}` } },
  // DIFFERENCES.freshIds
  fresh: (op) => (createsAnEntity(op) ? FRESH_IDS : []),
  said: (response) =>
    parseHeader<{ path: string; message: string }>(response, VIOLATIONS_HEADER).map((v) => ({
      where: "request",
      what: `${v.path}: ${v.message}`,
    })),
  names: { credentials: false, refusals: true, onlyDocumented: false, because: "telling" },
};

/** Every target, the reference first. */
export const TARGETS: readonly Target[] = [prism, mock];

/** The target the others' answers are compared with (agreement.test.ts). */
export const REFERENCE: Target = prism;

/**
 * The status a target answers to a case of an operation: its own where the table says so (its
 * "success" being the operation's first documented 2xx), else the spec's.
 */
export function statusOn(target: Target, c: { name: string; expected: number }, op: OperationSpec): number {
  const own = target.statusOf[c.name]?.status;
  if (own === "success") return successStatus(op);
  return own ?? c.expected;
}

/** The operation's first documented 2xx: what a valid request of it gets. */
export function successStatus(op: OperationSpec): number {
  return Number(successResponse(op).status);
}

/** An answer with every difference's allowance applied, so two targets' answers can be compared. */
export function normalised(answer: Answer, op: OperationSpec): Answer {
  return Object.values(DIFFERENCES as Record<string, Difference>).reduce(
    (a, d) => (d.normalise ? d.normalise(a, op) : a),
    answer,
  );
}

/** The differences that say which requests they are about (the property test's explanations). */
export const FAMILIES: readonly [DifferenceId, Family][] = Object.entries(DIFFERENCES as Record<string, Difference>)
  .filter(([, d]) => d.family !== undefined)
  .map(([id, d]) => [id as DifferenceId, d.family!]);
