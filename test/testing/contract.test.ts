// The consumer contract: a request that breaks the spec gets the status, media type and body
// shape Prism 5.14.2 (`prism mock --errors`) gives for it (the expected bodies below are Prism's,
// its 422 `detail` sentence aside), and is recorded in `mock.violations` with operation, JSON path
// and message. Credentials are checked, unlike Prism. These run without Prism; the same requests
// are sent to Prism and the mock side by side by contract-tests/agreement.test.ts
// (contract-tests/lib/requests.ts), which is what proves the bodies here are Prism's.
// Where Prism departs from the spec or the RFCs it rests on (or exits), the case says so and cites
// the RFC, and the mock follows it; contract-tests/lib/targets.ts lists every such difference with
// its reason, and contract-tests/property.test.ts holds the mock to both on generated requests.
import { describe, expect, it } from "vitest";
import { methodNotOn } from "../../contract-tests/lib/spec.ts";
import { basicAuthorization, createLeadConduitClient, UnprocessableEntityError } from "../../src/client/index.ts";
import { ContractViolationError, createLeadConduitMock, type MockViolation } from "../../src/testing/index.ts";
import { AUTH, ENTITY_ID, JSON_HEADERS, KEY, send } from "../support/kit.ts";

const PRISM = "https://stoplight.io/prism/errors#";
const RECIPIENT = "/invitations/recipient";
/** A method no operation takes at RECIPIENT, whichever template matches it */
const WRONG_METHOD = methodNotOn(RECIPIENT);
const RESEND = `/invitations/${ENTITY_ID}/resend`;
const VALID = JSON.stringify({ email: "mike.jones@example.com" });
const UNPROCESSABLE = { type: `${PRISM}UNPROCESSABLE_ENTITY`, title: "Invalid request", status: 422 };

interface Case {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** send the body as bytes: fetch adds no content type then (a string gets text/plain) */
  bytes?: boolean;
  status: number;
  contentType: string;
  json: unknown;
  violations: Record<string, unknown>[];
}

const op = "createRecipientInvitation";
const problem422 = (validation: unknown[]) => ({ ...UNPROCESSABLE, detail: expect.any(String), validation });

const CASES: Case[] = [
  {
    name: "no credentials",
    headers: { "content-type": "application/json" },
    body: VALID,
    status: 401,
    contentType: "application/json",
    json: { error: "authentication failed" },
    violations: [],
  },
  ...[
    ["wrong scheme (Bearer)", `Bearer ${KEY}`],
    ["malformed Basic token", "Basic !!not-base64!!"],
    ["Basic without a token", "Basic"],
    ["a token without a colon", `Basic ${btoa("API")}`],
    ["a wrong key", basicAuthorization("another-key")],
    ["a tab after Basic (the scheme is followed by spaces, RFC 9110 section 11.4)", `Basic\t${btoa(`API:${KEY}`)}`],
  ].map(([name, authorization]) => ({
    name: name!,
    headers: { "content-type": "application/json", authorization: authorization! },
    body: VALID,
    status: 401,
    contentType: "application/json",
    json: { error: "authentication failed" },
    violations: [],
  })),
  {
    name: "the right key with another user name (the user name is ignored)",
    headers: { "content-type": "application/json", authorization: `basic ${btoa(`someone:${KEY}`)}` },
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  {
    name: "the right key after a user name that is not UTF-8 (Latin-1 ü: only the password is read)",
    headers: { "content-type": "application/json", authorization: `Basic ${btoa(`\u00fc:${KEY}`)}` },
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  ...[
    ["the key in base64url (RFC 7617 section 2: base64, RFC 4648 section 4)", "url"],
    ["the key in a token with a stray character", "stray"],
    ["a password that is not UTF-8", "bytes"],
  ].map(([name, how]) => {
    const userPass = how === "bytes" ? `API:${KEY}\u00ff` : `???:${KEY}`;
    const token = Buffer.from(userPass, "latin1").toString(how === "url" ? "base64url" : "base64");
    return {
      name: name!,
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${how === "stray" ? `${token.slice(0, 4)}.${token.slice(4)}` : token}`,
      },
      body: VALID,
      status: 401,
      contentType: "application/json",
      json: { error: "authentication failed" },
      violations: [],
    };
  }),
  {
    // Prism 5.14.2 refuses this with 401 (contract-tests/lib/targets.ts): RFC 9110 allows 1*SP
    name: "the right key after two spaces",
    headers: { "content-type": "application/json", authorization: `Basic  ${btoa(`API:${KEY}`)}` },
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  {
    name: "unknown path",
    path: `${RECIPIENT}/unknown`,
    headers: JSON_HEADERS,
    body: VALID,
    status: 404,
    contentType: "application/problem+json",
    json: {
      type: `${PRISM}NO_PATH_MATCHED_ERROR`,
      title: "Route not resolved, no path matched",
      status: 404,
      detail: "The route /invitations/recipient/unknown hasn't been found in the specification file",
    },
    violations: [
      {
        operationId: undefined,
        path: "url",
        message: "no operation of the spec has the path /invitations/recipient/unknown",
      },
    ],
  },
  {
    name: "a percent-encoded unreserved character: the same path (RFC 3986, section 6.2.2.2)",
    path: "/invit%61tions/recipient",
    headers: JSON_HEADERS,
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  {
    name: "a percent-encoded unreserved character in lower-case hex, in a path parameter",
    method: "PUT",
    path: `/invitations/${ENTITY_ID.slice(0, -1)}%${ENTITY_ID.charCodeAt(23).toString(16)}/r%65send`,
    headers: { authorization: AUTH },
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ entity: expect.objectContaining({ id: ENTITY_ID }) }),
    violations: [],
  },
  {
    name: "a percent-encoded slash is not a segment separator (RFC 3986, section 2.2)",
    path: "/invitations%2Frecipient",
    headers: JSON_HEADERS,
    body: VALID,
    status: 404,
    contentType: "application/problem+json",
    json: expect.objectContaining({ type: `${PRISM}NO_PATH_MATCHED_ERROR` }),
    violations: [{ path: "url" }],
  },
  ...["/invitations/recip%ZZient", `/invitations/${ENTITY_ID}%/resend`, `${RECIPIENT}?q=%4`].map((path) => ({
    name: `a percent sign that starts no escape (RFC 3986, section 2.1) is a bad request-target (RFC 9112, section 3): ${path}`,
    path,
    headers: JSON_HEADERS,
    body: "{bad",
    status: 400,
    contentType: "application/json; charset=utf-8",
    json: { error: { code: "invalid_request_target", message: "Invalid percent-encoding in the request-target" } },
    violations: [
      {
        operationId: undefined,
        path: "url",
        message: "the request-target has a percent sign that is not followed by two hexadecimal digits",
      },
    ],
  })),
  {
    name: "a trailing slash",
    path: `${RECIPIENT}/`,
    headers: JSON_HEADERS,
    body: VALID,
    status: 404,
    contentType: "application/problem+json",
    json: expect.objectContaining({ type: `${PRISM}NO_PATH_MATCHED_ERROR` }),
    violations: [{ path: "url" }],
  },
  {
    name: "wrong method",
    method: WRONG_METHOD,
    headers: { authorization: AUTH },
    status: 405,
    contentType: "application/problem+json",
    json: {
      type: `${PRISM}NO_METHOD_MATCHED_ERROR`,
      title: "Route resolved, but no method matched",
      status: 405,
      detail: `The route /invitations/recipient has been matched, but it does not have "${WRONG_METHOD.toLowerCase()}" method defined`,
    },
    violations: [
      {
        operationId: undefined,
        path: "method",
        message: `${WRONG_METHOD} is not a method of /invitations/recipient in the spec`,
      },
    ],
  },
  {
    name: "body without email",
    headers: JSON_HEADERS,
    body: "{}",
    status: 422,
    contentType: "application/problem+json",
    json: problem422([
      {
        location: ["body"],
        severity: "Error",
        code: "required",
        message: "Request body must have required property 'email'",
      },
    ]),
    violations: [
      { operationId: op, path: "body/email", message: "must have required property 'email'", keyword: "required" },
    ],
  },
  {
    name: "email not a string",
    headers: JSON_HEADERS,
    body: '{"email":5}',
    status: 422,
    contentType: "application/problem+json",
    json: problem422([
      {
        location: ["body", "email"],
        severity: "Error",
        code: "type",
        message: "Request body property email must be string",
      },
    ]),
    violations: [{ operationId: op, path: "body/email", message: "must be string", keyword: "type" }],
  },
  {
    name: "email not an address, and an unknown property",
    headers: JSON_HEADERS,
    body: '{"email":"nope","admin":true}',
    status: 422,
    contentType: "application/problem+json",
    json: problem422([
      {
        location: ["body"],
        severity: "Error",
        code: "additionalProperties",
        message: "Request body must NOT have additional properties; found 'admin'",
      },
      {
        location: ["body", "email"],
        severity: "Error",
        code: "format",
        message: 'Request body property email must match format "email"',
      },
    ]),
    violations: [
      {
        operationId: op,
        path: "body/admin",
        message: "must NOT have additional properties",
        keyword: "additionalProperties",
      },
      { operationId: op, path: "body/email", message: 'must match format "email"', keyword: "format" },
    ],
  },
  {
    name: "body not an object",
    headers: JSON_HEADERS,
    body: '["a@example.com"]',
    status: 422,
    contentType: "application/problem+json",
    json: problem422([{ location: ["body"], severity: "Error", code: "type", message: "Request body must be object" }]),
    violations: [{ operationId: op, path: "body", message: "must be object" }],
  },
  ...["", "null", "false"].map((body) => ({
    name: `no body (${JSON.stringify(body)})`,
    headers: JSON_HEADERS,
    body,
    status: 422,
    contentType: "application/problem+json",
    json: problem422([{ severity: "Error", code: "required", message: "Body parameter is required" }]),
    violations: [{ operationId: op, path: "body", message: "is required", keyword: "required" }],
  })),
  {
    name: "a body that is not JSON",
    headers: JSON_HEADERS,
    body: "{bad",
    status: 400,
    contentType: "application/json; charset=utf-8",
    json: { error: { code: "invalid_json", message: "Invalid JSON" } },
    violations: [{ operationId: op, path: "body", message: "is not valid JSON" }],
  },
  {
    name: "JSON after a byte order mark (a sender must not add one, RFC 8259 section 8.1)",
    headers: JSON_HEADERS,
    body: `\uFEFF${VALID}`,
    status: 400,
    contentType: "application/json; charset=utf-8",
    json: { error: { code: "invalid_json", message: "Invalid JSON" } },
    violations: [
      { operationId: op, path: "body", message: "is not valid JSON: it starts with a byte order mark (U+FEFF)" },
    ],
  },
  {
    // Prism 5.14.2 answers 500 here (contract-tests/lib/targets.ts); the spec takes only application/json
    name: "a Content-Type that names no media type",
    headers: { "content-type": "application/json x", authorization: AUTH },
    body: VALID,
    status: 415,
    contentType: "application/problem+json",
    json: {
      type: `${PRISM}INVALID_CONTENT_TYPE`,
      title: "Invalid content type",
      status: 415,
      detail: "Supported content types: application/json",
    },
    violations: [
      { operationId: op, path: "headers/content-type", message: '"application/json x" is not a media type' },
    ],
  },
  {
    name: "an empty Content-Type: the body is text, not an object",
    headers: { "content-type": "", authorization: AUTH },
    body: VALID,
    status: 422,
    contentType: "application/problem+json",
    json: problem422([{ location: ["body"], severity: "Error", code: "type", message: "Request body must be object" }]),
    violations: [{ operationId: op, path: "body", message: "must be object" }],
  },
  {
    name: "wrong content type",
    headers: { "content-type": "text/plain", authorization: AUTH },
    body: "a@example.com",
    status: 415,
    contentType: "application/problem+json",
    json: {
      type: `${PRISM}INVALID_CONTENT_TYPE`,
      title: "Invalid content type",
      status: 415,
      detail: "Supported content types: application/json",
    },
    violations: [{ operationId: op, path: "headers/content-type", message: "text/plain is not application/json" }],
  },
  {
    name: "no content type: the body is text, not an object",
    headers: { authorization: AUTH },
    body: VALID,
    bytes: true,
    status: 422,
    contentType: "application/problem+json",
    json: problem422([{ location: ["body"], severity: "Error", code: "type", message: "Request body must be object" }]),
    violations: [{ operationId: op, path: "body", message: "must be object" }],
  },
  {
    name: "a +json media type with parameters is JSON",
    headers: { "content-type": "application/merge-patch+json; charset=utf-8", authorization: AUTH },
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  {
    name: "a query string is ignored",
    path: `${RECIPIENT}?debug=1`,
    headers: JSON_HEADERS,
    body: VALID,
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations: [],
  },
  ...[
    ["text/html", 406],
    ["application/json;q=0, text/html", 406],
    ["application/problem+json", 406],
    ["text/html, */*;q=0.1", 200],
    ["application/*", 200],
    // RFC 9110, 12.5.1: the most specific range that matches decides, and q=0 is "not acceptable" (12.4.2)
    ["application/json;q=0, */*", 406],
    ["*/*;q=0", 406],
    ["*/*;q=0, application/json", 200],
    ["application/*;q=0, application/json;q=0.001", 200],
    ["APPLICATION/JSON", 200],
    // not media ranges (RFC 9110, 12.5.1: "*/*", "type/*" or "type/subtype"): they admit nothing
    ["*/json", 406],
    ["*", 406],
    ["application/json;q=2", 406],
  ].map(([accept, status]) => ({
    name: `Accept: ${accept}`,
    headers: { ...JSON_HEADERS, accept: accept as string },
    body: VALID,
    status: status as number,
    contentType: status === 406 ? "application/problem+json" : "application/json",
    json:
      status === 406
        ? {
            type: `${PRISM}NOT_ACCEPTABLE`,
            title: "The server cannot produce a representation for your accept header",
            status: 406,
            detail: `Unable to find content for ${accept}`,
          }
        : expect.objectContaining({ message: "Invitation was sent successfully" }),
    violations:
      status === 406
        ? [{ operationId: op, path: "headers/accept", message: `${accept} does not admit application/json` }]
        : [],
  })),
  {
    name: "entityId breaking its pattern",
    method: "PUT",
    path: "/invitations/not-an-id/resend",
    headers: { authorization: AUTH },
    status: 422,
    contentType: "application/problem+json",
    json: problem422([
      {
        location: ["path", "entityId"],
        severity: "Error",
        code: "pattern",
        message: 'Request path parameter entityId must match pattern "^[0-9a-fA-F]{24}$"',
      },
    ]),
    violations: [
      {
        operationId: "resendInvitation",
        path: "path/entityId",
        message: 'must match pattern "^[0-9a-fA-F]{24}$"',
        keyword: "pattern",
      },
    ],
  },
  {
    name: "an empty entityId",
    method: "PUT",
    path: "/invitations//resend",
    headers: { authorization: AUTH },
    status: 422,
    contentType: "application/problem+json",
    json: problem422([
      {
        location: ["path"],
        severity: "Error",
        code: "required",
        message: "Request path must have required property 'entityId'",
      },
    ]),
    violations: [
      { operationId: "resendInvitation", path: "path/entityId", message: "must have required property 'entityId'" },
    ],
  },
  {
    name: "a body where the operation takes none",
    method: "PUT",
    path: RESEND,
    headers: JSON_HEADERS,
    body: '{"x":1}',
    status: 415,
    contentType: "application/problem+json",
    json: expect.objectContaining({
      status: 415,
      detail: "No supported content types, but request included a non-empty body",
    }),
    violations: [
      {
        operationId: "resendInvitation",
        path: "headers/content-type",
        message: "the operation takes no body, but one was sent",
      },
    ],
  },
  {
    name: "an empty JSON body where the operation takes none",
    method: "PUT",
    path: RESEND,
    headers: JSON_HEADERS,
    body: "",
    status: 200,
    contentType: "application/json",
    json: expect.objectContaining({ entity: expect.objectContaining({ id: ENTITY_ID }) }),
    violations: [],
  },
  // Prism's order: parse, route, credentials, content type, body and path, Accept
  {
    name: "order: unreadable JSON on an unknown path is 400",
    path: "/nope",
    headers: JSON_HEADERS,
    body: "{bad",
    status: 400,
    contentType: "application/json; charset=utf-8",
    json: { error: { code: "invalid_json", message: "Invalid JSON" } },
    violations: [{ path: "body" }, { path: "url" }],
  },
  {
    name: "order: an unknown path without credentials is 404",
    path: "/nope",
    status: 404,
    contentType: "application/problem+json",
    json: expect.objectContaining({ status: 404 }),
    violations: [{ path: "url" }],
  },
  {
    name: "order: an invalid body without credentials is 401, the violation recorded",
    headers: { "content-type": "application/json" },
    body: "{}",
    status: 401,
    contentType: "application/json",
    json: { error: "authentication failed" },
    violations: [{ operationId: op, path: "body/email", status: 401 }],
  },
  {
    name: "order: a wrong content type and a bad path parameter is 415",
    method: "PUT",
    path: "/invitations/bad/resend",
    headers: { "content-type": "text/plain", authorization: AUTH },
    body: "x",
    status: 415,
    contentType: "application/problem+json",
    json: expect.objectContaining({ status: 415 }),
    violations: [{ path: "headers/content-type" }, { path: "path/entityId" }],
  },
  {
    name: "order: an invalid body with a wrong Accept is 422",
    headers: { ...JSON_HEADERS, accept: "text/html" },
    body: "{}",
    status: 422,
    contentType: "application/problem+json",
    json: expect.objectContaining({ status: 422 }),
    violations: [{ path: "body/email" }, { path: "headers/accept" }],
  },
];

describe("consumer contract: refusals as Prism gives them", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const method = c.method ?? "POST";
    const path = c.path ?? RECIPIENT;
    const body = c.body === undefined ? {} : { body: c.bytes ? new Blob([c.body]) : c.body };
    const res = await send(mock, { method, path, ...(c.headers ? { headers: c.headers } : {}), ...body });
    expect(res.status, res.text).toBe(c.status);
    expect(res.contentType).toBe(c.contentType);
    expect(res.json).toEqual(c.json);
    expect(mock.violations).toEqual(
      c.violations.map((v) =>
        expect.objectContaining({ request: `${method} ${path.split("?")[0]}`, status: c.status, ...v }),
      ),
    );
    expect(mock.calls).toHaveLength(1);
  });
});

describe("assertNoViolations", () => {
  it("passes when every request followed the spec, wrong credentials included", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await send(mock, { method: "POST", path: RECIPIENT, headers: JSON_HEADERS, body: VALID });
    await send(mock, { method: "POST", path: RECIPIENT, headers: { "content-type": "application/json" }, body: VALID });
    expect(() => mock.assertNoViolations()).not.toThrow();
  });

  it("throws a ContractViolationError listing each violation (operation, JSON path, message), then forgets them", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await send(mock, { method: "POST", path: RECIPIENT, headers: JSON_HEADERS, body: '{"email":"nope","admin":true}' });
    await send(mock, { method: WRONG_METHOD, path: RECIPIENT, headers: { authorization: AUTH } });
    const error = (() => {
      try {
        mock.assertNoViolations();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toBeInstanceOf(Error);
    const { message, violations, name } = error as ContractViolationError;
    expect(name).toBe("ContractViolationError");
    expect(violations).toHaveLength(3);
    expect(message).toBe(
      [
        "3 violation(s) of the LeadConduit spec by the requests sent to the mock:",
        "  1. createRecipientInvitation body/admin: must NOT have additional properties (POST /invitations/recipient → 422)",
        '  2. createRecipientInvitation body/email: must match format "email" (POST /invitations/recipient → 422)',
        `  3. (no operation) method: ${WRONG_METHOD} is not a method of /invitations/recipient in the spec (${WRONG_METHOD} /invitations/recipient → 405)`,
      ].join("\n"),
    );
    expect(mock.violations).toEqual([]);
    expect(() => mock.assertNoViolations()).not.toThrow();
  });

  it("the client's typed error carries the violations of the mock's 422 body", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const lc = createLeadConduitClient({ apiKey: KEY, fetch: mock.fetch, validateRequests: false });
    const error = await lc.invitations.createRecipient({ email: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).violations).toEqual([
      { path: "body/email", message: 'Request body property email must match format "email"', keyword: "format" },
    ]);
    expect(mock.violations).toEqual([expect.objectContaining({ path: "body/email", status: 422 })]);
  });

  it("violations and calls are frozen copies", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    await send(mock, { method: "POST", path: RECIPIENT, headers: JSON_HEADERS, body: "{}" });
    const [violation] = mock.violations;
    expect(Object.isFrozen(violation)).toBe(true);
    (mock.violations as MockViolation[]).length = 0;
    expect(mock.violations).toHaveLength(1);
  });
});
