// The raw requests of the negative matrix and of the agreement check, sent as HTTP (the client
// would refuse most of them before sending; that is tested in test/). Each case says what the
// spec, and the RFCs it rests on, call for; a target that answers otherwise says so in
// contract-tests/lib/targets.ts (`statusOf`), with the reason.

import { basicAuthorization } from "../../src/client/index.ts";
import type { OperationSpec } from "./spec.ts";
import { type Target, WRONG_KEY } from "./targets.ts";

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

const VALID_BODY = JSON.stringify({ email: "mike.jones@example.com" });
const JSON_TYPE = { "content-type": "application/json" };
const token = (key: string) => basicAuthorization(key).slice("Basic ".length);

/** Path of an operation with its path parameters filled from the spec's own examples. */
export function examplePath(op: OperationSpec): string {
  return op.pathParams.reduce((path, p) => path.replace(`{${p.name}}`, String(p.example)), op.path);
}

function credentialCases(op: OperationSpec): RawCase[] {
  const json = op.body ? { headers: JSON_TYPE, body: VALID_BODY } : {};
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

function bodyCases(): RawCase[] {
  const bad = (name: string, body: string): RawCase => ({
    name,
    expected: 422,
    credentials: "key",
    headers: JSON_TYPE,
    body,
  });
  return [
    bad("body without email", "{}"),
    bad("email not a string", '{"email":5}'),
    bad("email null", '{"email":null}'),
    bad("email not an address", '{"email":"not an address"}'),
    bad("unknown property", '{"email":"a@example.com","admin":true}'),
    bad("body not an object", '["a@example.com"]'),
    bad("no body", ""),
    { name: "a body that is not JSON", expected: 400, credentials: "key", headers: JSON_TYPE, body: '{"email":' },
    {
      name: "JSON after a byte order mark",
      expected: 400,
      credentials: "key",
      headers: JSON_TYPE,
      body: `\uFEFF${VALID_BODY}`,
    },
    {
      name: "wrong content type",
      expected: 415,
      credentials: "key",
      headers: { "content-type": "text/plain" },
      body: "a@example.com",
    },
  ];
}

/** What a conforming server refuses for this operation; both targets agree on each, but "a wrong key". */
export function refusalCases(op: OperationSpec): RawCase[] {
  const cases = credentialCases(op);
  const json = op.body ? { headers: JSON_TYPE, body: VALID_BODY } : {};
  cases.push(
    { name: "unknown path", expected: 404, path: `${examplePath(op)}/unknown`, credentials: "key", ...json },
    { name: "wrong method", expected: 405, method: "DELETE", credentials: "key" },
    {
      name: "an Accept without JSON",
      expected: 406,
      credentials: "key",
      ...json,
      headers: { ...(op.body ? JSON_TYPE : {}), accept: "application/xml" },
    },
  );
  if (op.body) cases.push(...bodyCases());
  else
    cases.push({
      name: "a body where none is taken",
      expected: 415,
      credentials: "key",
      headers: JSON_TYPE,
      body: "{}",
    });
  for (const param of op.pathParams) {
    cases.push(
      {
        name: `${param.name} breaking its pattern`,
        expected: 422,
        path: op.path.replace(`{${param.name}}`, "not-an-id"),
        credentials: "key",
      },
      {
        name: `an empty ${param.name}`,
        expected: 422,
        path: op.path.replace(`{${param.name}}`, ""),
        credentials: "key",
      },
    );
  }
  return cases;
}

/** Requests on which the targets are known to differ (the reasons: targets.ts); checked by agreement.test.ts. */
export function differenceCases(op: OperationSpec): RawCase[] {
  const json = op.body ? { headers: JSON_TYPE, body: VALID_BODY } : {};
  const cases: RawCase[] = [
    { name: "the right key after two spaces", expected: 200, credentials: (key) => `Basic  ${token(key)}`, ...json },
    {
      name: "a CORS preflight",
      expected: 405,
      method: "OPTIONS",
      credentials: "none",
      headers: { origin: "https://app.example.com", "access-control-request-method": op.method.toUpperCase() },
    },
  ];
  if (op.body) {
    const utf16 = new Uint8Array([...VALID_BODY].flatMap((c) => [c.charCodeAt(0), 0]));
    cases.push(
      {
        name: "a Content-Type that names no media type",
        expected: 415,
        credentials: "key",
        headers: { "content-type": "application/json x" },
        body: VALID_BODY,
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
  const json = op.body ? { headers: JSON_TYPE, body: VALID_BODY } : {};
  const accepting = (accept: string, expected: number): RawCase => ({
    name: `Accept: ${accept}`,
    expected,
    credentials: "key",
    ...json,
    headers: { ...(op.body ? JSON_TYPE : {}), accept },
  });
  const cases: RawCase[] = [
    {
      name: "the right key with another user name, scheme in lower case",
      expected: 200,
      credentials: (key) => `basic ${btoa(`someone:${key}`)}`,
      ...json,
    },
    { name: "a trailing slash", expected: 404, path: `${examplePath(op)}/`, credentials: "key", ...json },
    {
      name: "a query string is ignored",
      expected: 200,
      path: `${examplePath(op)}?debug=1`,
      credentials: "key",
      ...json,
    },
    accepting("text/html", 406),
    accepting("application/json;q=0, text/html", 406),
    accepting("application/problem+json", 406),
    accepting("text/html, */*;q=0.1", 200),
    accepting("application/*", 200),
    { name: "order: an unknown path without credentials is 404", expected: 404, path: "/nope", credentials: "none" },
    {
      name: "order: unreadable JSON on an unknown path is 400",
      expected: 400,
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
        expected: 422,
        credentials: "key",
        headers: { "content-type": "" },
        body: VALID_BODY,
      },
      // bytes: fetch adds no content type (a string would get text/plain)
      {
        name: "no content type: the body is text, not an object",
        expected: 422,
        credentials: "key",
        body: new TextEncoder().encode(VALID_BODY),
      },
      {
        name: "a +json media type with parameters is JSON",
        expected: 200,
        credentials: "key",
        headers: { "content-type": "application/merge-patch+json; charset=utf-8" },
        body: VALID_BODY,
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
        expected: 422,
        credentials: "key",
        headers: { ...JSON_TYPE, accept: "text/html" },
        body: "{}",
      },
    );
  } else {
    cases.push({
      name: "an empty JSON body where the operation takes none",
      expected: 200,
      credentials: "key",
      headers: JSON_TYPE,
      body: "",
    });
  }
  for (const param of op.pathParams) {
    cases.push({
      name: "order: a wrong content type and a bad path parameter is 415",
      expected: 415,
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
    expected: 200,
    credentials: "key",
    ...(op.body ? { headers: JSON_TYPE, body: VALID_BODY } : {}),
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
  return fetch(`${url}${c.path ?? examplePath(op)}`, {
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
