// The raw requests of the negative matrix and of the agreement check, sent as HTTP (the client
// would refuse most of them before sending; that is tested in test/). Each case says what the
// spec, and the RFCs it rests on, call for; a target that answers otherwise says so in
// contract-tests/lib/targets.ts (`statusOf`), with the reason.

import { basicAuthorization } from "../../src/client/index.ts";
import {
  answersNothing,
  firstBodyExample,
  methodNotOn,
  type OperationSpec,
  requiredQuery,
  validatorFor,
} from "./spec.ts";
import { successStatus, type Target, WRONG_KEY } from "./targets.ts";

export interface RawCase {
  name: string;
  /** the status the spec calls for */
  expected: number;
  method?: string;
  /** the path; by default the operation's, its parameters from the spec's examples */
  path?: string;
  /** the target's key, a wrong one, none, or an Authorization header made from the target's key */
  credentials: "key" | "wrong key" | "none" | ((key: string) => string);
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** false: the request is refused before it reaches the operation (no path matches), so its answer is not the operation's */
  reaches?: false;
}

/** Prism's problem type for each refusal status; the mock answers the same. */
export const PROBLEM_TYPES: Record<number, string> = {
  404: "NO_PATH_MATCHED_ERROR",
  405: "NO_METHOD_MATCHED_ERROR",
  406: "NOT_ACCEPTABLE",
  415: "INVALID_CONTENT_TYPE",
  422: "UNPROCESSABLE_ENTITY",
};
export const PROBLEM_TYPE_BASE = "https://stoplight.io/prism/errors#";

const JSON_TYPE = { "content-type": "application/json" };

/** The operation's request body as the spec's first example gives it, as JSON text. */
const validBody = (op: OperationSpec): string => JSON.stringify(firstBodyExample(op) ?? {});

/** A valid JSON body with its Content-Type, where the operation takes one. */
const jsonOf = (op: OperationSpec) => (op.body ? { headers: JSON_TYPE, body: validBody(op) } : {});
const token = (key: string) => basicAuthorization(key).slice("Basic ".length);

/** Whether a request of this method may carry a body at all (fetch sends none with GET or HEAD). */
const takesBody = (op: OperationSpec) => op.method !== "GET" && op.method !== "HEAD";

/**
 * The status a refusal gets when the operation documents one of `preferred` (Prism answers with the
 * spec's own response then, and the kit as Prism does), else `fallback`.
 */
const refusedWith = (op: OperationSpec, preferred: number[], fallback: number) =>
  preferred.find((status) => op.responses.some((r) => r.status === String(status))) ?? fallback;

/** Path of an operation with its path parameters filled from the spec's own examples. */
function examplePath(op: OperationSpec): string {
  return op.pathParams.reduce((path, p) => path.replace(`{${p.name}}`, String(p.example)), op.path);
}

/** The query a valid request of the operation carries: its required parameters, from the spec's examples. */
function exampleQuery(op: OperationSpec): string {
  const required = requiredQuery(op);
  return required.length ? `?${new URLSearchParams(required.map((p) => [p.name, String(p.example)]))}` : "";
}

/** Where a valid request of the operation goes: its example path and its required query. */
export const exampleTarget = (op: OperationSpec): string => `${examplePath(op)}${exampleQuery(op)}`;

function credentialCases(op: OperationSpec): RawCase[] {
  const json = jsonOf(op);
  return [
    { name: "no credentials", expected: 401, credentials: "none", ...json },
    { name: "a wrong key", expected: 401, credentials: "wrong key", ...json },
    // an app whose key was never set sends this
    { name: "an empty key", expected: 401, credentials: () => `Basic ${btoa("API:")}`, ...json },
    { name: "wrong scheme (Bearer)", expected: 401, credentials: (key) => `Bearer ${key}`, ...json },
    { name: "malformed Basic token", expected: 401, credentials: () => "Basic !!not-base64!!", ...json },
    { name: "Basic without a token", expected: 401, credentials: () => "Basic", ...json },
    { name: "a token without a colon", expected: 401, credentials: (key) => `Basic ${btoa(key)}`, ...json },
    { name: "a tab after Basic", expected: 401, credentials: (key) => `Basic\t${token(key)}`, ...json },
  ];
}

/**
 * Bodies the operation's own schema refuses, made from its example: each property removed, of
 * the wrong type, null or a value no format or pattern takes, an unknown property, not an
 * object, none at all. A candidate is kept only when the spec's validator refuses it, so a
 * spec that starts accepting one does not turn the suite against the spec.
 */
function badBodies(op: OperationSpec): [name: string, body: string][] {
  const example = firstBodyExample(op);
  const object =
    example !== null && typeof example === "object" && !Array.isArray(example)
      ? (example as Record<string, unknown>)
      : {};
  const candidates: [string, unknown][] = [["an empty object for a body", {}]];
  for (const [name, value] of Object.entries(object)) {
    const { [name]: _dropped, ...without } = object;
    candidates.push(
      [`the body without ${name}`, without],
      [`${name} of the wrong type`, { ...object, [name]: typeof value === "number" ? "5" : 5 }],
      [`${name} null`, { ...object, [name]: null }],
      [`${name} not a value it takes`, { ...object, [name]: "!" }],
    );
  }
  candidates.push(
    ["an unknown property", { ...object, unknownProperty: true }],
    ["a body that is not an object", [example]],
  );
  const validate = validatorFor(op.body!.schema);
  const refused = candidates
    .filter(([, body]) => !validate(body))
    .map(([name, body]): [string, string] => [name, JSON.stringify(body)]);
  return op.body!.required ? [...refused, ["no body", ""]] : refused;
}

function bodyCases(op: OperationSpec): RawCase[] {
  const bad = (name: string, body: string): RawCase => ({
    name,
    expected: refusedWith(op, [422, 400], 422),
    credentials: "key",
    headers: JSON_TYPE,
    body,
  });
  return [
    ...badBodies(op).map(([name, body]) => bad(name, body)),
    {
      name: "a body that is not JSON",
      expected: 400,
      credentials: "key",
      headers: JSON_TYPE,
      body: validBody(op).slice(0, -1),
    },
    {
      name: "JSON after a byte order mark",
      expected: 400,
      credentials: "key",
      headers: JSON_TYPE,
      body: `\uFEFF${validBody(op)}`,
    },
    {
      name: "wrong content type",
      expected: refusedWith(op, [415, 422, 400], 415),
      credentials: "key",
      headers: { "content-type": "text/plain" },
      body: "a@example.com",
    },
  ];
}

/** What a conforming server refuses for this operation; both targets agree on each, but "a wrong key". */
export function refusalCases(op: OperationSpec): RawCase[] {
  const cases = credentialCases(op);
  const json = jsonOf(op);
  cases.push(
    {
      name: "unknown path",
      expected: 404,
      path: `${examplePath(op)}/unknown`,
      credentials: "key",
      reaches: false,
      ...json,
    },
    { name: "wrong method", expected: 405, method: methodNotOn(examplePath(op)), credentials: "key" },
    {
      name: "an Accept without JSON",
      expected: answersNothing(op) ? successStatus(op) : 406,
      credentials: "key",
      ...json,
      headers: { ...(op.body ? JSON_TYPE : {}), accept: "application/xml" },
    },
  );
  if (op.body) cases.push(...bodyCases(op));
  // a GET or HEAD cannot carry a body at all (fetch refuses to send one)
  else if (takesBody(op))
    cases.push({
      name: "a body where none is taken",
      expected: refusedWith(op, [415, 422, 400], 415),
      credentials: "key",
      headers: JSON_TYPE,
      body: "{}",
    });
  for (const param of op.pathParams) {
    cases.push(
      {
        name: `${param.name} breaking its pattern`,
        expected: refusedWith(op, [422, 400], 422),
        path: op.path.replace(`{${param.name}}`, "not-an-id"),
        credentials: "key",
      },
      {
        name: `an empty ${param.name}`,
        expected: refusedWith(op, [422, 400], 422),
        path: op.path.replace(`{${param.name}}`, ""),
        credentials: "key",
      },
    );
  }
  return cases;
}

/** Requests on which the targets are known to differ (the reasons: targets.ts); checked by agreement.test.ts. */
export function differenceCases(op: OperationSpec): RawCase[] {
  const json = jsonOf(op);
  const cases: RawCase[] = [
    {
      name: "the right key after two spaces",
      expected: successStatus(op),
      credentials: (key) => `Basic  ${token(key)}`,
      ...json,
    },
    {
      name: "a CORS preflight",
      expected: 405,
      method: "OPTIONS",
      credentials: "none",
      headers: { origin: "https://app.example.com", "access-control-request-method": op.method.toUpperCase() },
    },
  ];
  if (op.body) {
    const utf16 = new Uint8Array([...validBody(op)].flatMap((c) => [c.charCodeAt(0), 0]));
    cases.push(
      {
        name: "a Content-Type that names no media type",
        expected: refusedWith(op, [415, 422, 400], 415),
        credentials: "key",
        headers: { "content-type": "application/json x" },
        body: validBody(op),
      },
      {
        name: "UTF-16 JSON with a charset parameter",
        expected: 400,
        credentials: "key",
        headers: { "content-type": "application/json; charset=utf-16le" },
        body: utf16,
      },
    );
  }
  return cases;
}

/**
 * Requests at the edges of the spec, where the testing kit's mock claims to answer as Prism does
 * (test/testing/contract.test.ts holds the mock to the same answers): checked against Prism by
 * agreement.test.ts, so the claim is measured, not copied.
 */
export function edgeCases(op: OperationSpec): RawCase[] {
  const json = jsonOf(op);
  // what the Accept admits matters only where the operation answers with content
  const accepting = (accept: string, admitsJson: boolean): RawCase => ({
    name: `Accept: ${accept}`,
    expected: admitsJson || answersNothing(op) ? successStatus(op) : 406,
    credentials: "key",
    ...json,
    headers: { ...(op.body ? JSON_TYPE : {}), accept },
  });
  const cases: RawCase[] = [
    {
      name: "the right key with another user name, scheme in lower case",
      expected: successStatus(op),
      credentials: (key) => `basic ${btoa(`someone:${key}`)}`,
      ...json,
    },
    {
      name: "a trailing slash",
      expected: 404,
      path: `${examplePath(op)}/`,
      credentials: "key",
      reaches: false,
      ...json,
    },
    {
      name: "a query string is ignored",
      expected: successStatus(op),
      path: `${exampleTarget(op)}${exampleQuery(op) ? "&" : "?"}debug=1`,
      credentials: "key",
      ...json,
    },
    accepting("text/html", false),
    accepting("application/json;q=0, text/html", false),
    accepting("application/problem+json", false),
    accepting("text/html, */*;q=0.1", true),
    accepting("application/*", true),
    {
      name: "order: an unknown path without credentials is 404",
      expected: 404,
      path: "/nope",
      credentials: "none",
      reaches: false,
    },
    {
      name: "order: unreadable JSON on an unknown path is 400",
      expected: 400,
      // any method that carries a body: the path is no operation's
      method: "POST",
      reaches: false,
      path: "/nope",
      credentials: "key",
      headers: JSON_TYPE,
      body: "{bad",
    },
  ];
  if (op.body) {
    cases.push(
      {
        name: "an empty Content-Type: the body is text, not an object",
        expected: refusedWith(op, [422, 400], 422),
        credentials: "key",
        headers: { "content-type": "" },
        body: validBody(op),
      },
      // bytes: fetch adds no content type (a string would get text/plain)
      {
        name: "no content type: the body is text, not an object",
        expected: refusedWith(op, [422, 400], 422),
        credentials: "key",
        body: new TextEncoder().encode(validBody(op)),
      },
      {
        name: "a +json media type with parameters is JSON",
        expected: successStatus(op),
        credentials: "key",
        headers: { "content-type": "application/merge-patch+json; charset=utf-8" },
        body: validBody(op),
      },
      {
        name: "order: an invalid body without credentials is 401",
        expected: 401,
        credentials: "none",
        headers: JSON_TYPE,
        body: "{}",
      },
      {
        name: "order: an invalid body with a wrong Accept is 422",
        expected: refusedWith(op, [422, 400], 422),
        credentials: "key",
        headers: { ...JSON_TYPE, accept: "text/html" },
        body: "{}",
      },
    );
  } else {
    if (takesBody(op))
      cases.push({
        name: "an empty JSON body where the operation takes none",
        expected: successStatus(op),
        credentials: "key",
        headers: JSON_TYPE,
        body: "",
      });
  }
  for (const param of takesBody(op) ? op.pathParams : []) {
    cases.push({
      name: "order: a wrong content type and a bad path parameter is 415",
      expected: refusedWith(op, [415, 422, 400], 415),
      path: op.path.replace(`{${param.name}}`, "bad"),
      credentials: "key",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
  }
  return cases;
}

/** A valid request of the operation, as the agreement check sends it. */
export function validCase(op: OperationSpec): RawCase {
  return {
    name: "a valid request",
    expected: successStatus(op),
    credentials: "key",
    ...jsonOf(op),
  };
}

/** The Authorization header a case sends to a target, if any. */
function authorizationFor(target: Target, credentials: RawCase["credentials"]): string | undefined {
  if (credentials === "none") return undefined;
  if (credentials === "key") return basicAuthorization(target.apiKey);
  if (credentials === "wrong key") return basicAuthorization(WRONG_KEY);
  return credentials(target.apiKey);
}

/** Sends a case to a target at `url`. */
export function send(target: Target, url: string, op: OperationSpec, c: RawCase): Promise<Response> {
  const authorization = authorizationFor(target, c.credentials);
  return fetch(`${url}${c.path ?? exampleTarget(op)}`, {
    method: c.method ?? op.method,
    headers: { ...c.headers, ...(authorization === undefined ? {} : { authorization }) },
    ...(c.body === undefined ? {} : { body: c.body }),
  });
}

/** An answer's body as the cases compare it: parsed when it is JSON, the text otherwise. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
