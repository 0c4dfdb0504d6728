// The negative matrix against the mock: what a conforming server refuses, sent as raw HTTP
// (the client would refuse most of it before sending; that is tested in test/).
import { describe, expect, it } from "vitest";
import { basicAuthorization } from "../src/index.ts";
import { about, examplePath, expectConforming, prismUrl, record, spec } from "./lib/harness.ts";

const AUTH = basicAuthorization("negative-key");
const VALID_BODY = JSON.stringify({ email: "mike.jones@example.com" });

interface Case {
  name: string;
  expected: number;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

function casesFor(op: (typeof spec.operations)[number]): Case[] {
  const body = op.body ? VALID_BODY : undefined;
  const json = { "content-type": "application/json" };
  const cases: Case[] = [
    { name: "no credentials", expected: 401, headers: json, body },
    { name: "wrong scheme (Bearer)", expected: 401, headers: { ...json, authorization: "Bearer negative-key" }, body },
    { name: "malformed Basic token", expected: 401, headers: { ...json, authorization: "Basic !!not-base64!!" }, body },
    { name: "Basic without a token", expected: 401, headers: { ...json, authorization: "Basic" }, body },
    { name: "unknown path", expected: 404, path: `${examplePath(op)}/unknown`, headers: { ...json, authorization: AUTH }, body },
    { name: "wrong method", expected: 405, method: "DELETE", headers: { authorization: AUTH } },
  ];
  if (op.body) {
    const authed = { ...json, authorization: AUTH };
    cases.push(
      { name: "body without email", expected: 422, headers: authed, body: "{}" },
      { name: "email not a string", expected: 422, headers: authed, body: '{"email":5}' },
      { name: "email null", expected: 422, headers: authed, body: '{"email":null}' },
      { name: "email not an address", expected: 422, headers: authed, body: '{"email":"not an address"}' },
      { name: "unknown property", expected: 422, headers: authed, body: '{"email":"a@example.com","admin":true}' },
      { name: "body not an object", expected: 422, headers: authed, body: '["a@example.com"]' },
      { name: "wrong content type", expected: 415, headers: { "content-type": "text/plain", authorization: AUTH }, body: "a@example.com" },
    );
  }
  for (const param of op.pathParams) {
    cases.push({
      name: `${param.name} breaking its pattern`,
      expected: 422,
      path: op.path.replace(`{${param.name}}`, "not-an-id"),
      headers: { authorization: AUTH },
    });
  }
  return cases;
}

for (const op of spec.operations) describe(`${op.operationId} refusals`, about(op.operationId), () => {
  const { operationId } = op;
  it.concurrent.each(casesFor(op).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const res = await fetch(`${prismUrl()}${c.path ?? examplePath(op)}`, {
      method: c.method ?? op.method,
      headers: c.headers,
      body: c.body,
    });
    const text = await res.text();
    expect(res.status, text).toBe(c.expected);
    if (c.expected === 401) {
      // a documented status: the body must be the documented envelope
      await expectConforming(operationId, res, JSON.parse(text), { mode: "negative", case: c.name, refusal: true });
    } else {
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      record({ operationId, status: res.status, mode: "negative", case: c.name });
    }
  });
});
