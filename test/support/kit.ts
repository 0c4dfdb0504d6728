// What the testing kit's tests share: a raw request to a mock, and checks of bodies against the
// spec compiled independently of the kit (Ajv2020 from spec/leadconduit.yaml, full formats).
import { documentedResponse, operationOf, SCHEMA_DOC_ID, spec, validatorFor } from "../../contract-tests/lib/spec.ts";
import { basicAuthorization } from "../../src/client/index.ts";
import type { LeadConduitMock } from "../../src/testing/index.ts";

export const KEY = "test-key";
export const AUTH = basicAuthorization(KEY);
export const JSON_HEADERS = { "content-type": "application/json", authorization: AUTH };
const BASE = "https://app.leadconduit.com";
export const ENTITY_ID = "64b8f0f5e4b0c3a1d5e6f7a8";

export { spec };

export const operation = (operationId: string) => operationOf(spec, operationId);

/** The errors of `body` against what the spec documents for this operation and status ([] when valid). */
export function specErrors(operationId: string, status: number, body: unknown): unknown[] {
  const documented = documentedResponse(operation(operationId), status);
  const schema = documented?.content["application/json"];
  if (!schema) throw new Error(`${operationId} documents no JSON body for ${status}`);
  const validate = validatorFor(schema);
  return validate(body) ? [] : (validate.errors ?? []);
}

// by name: the validators are cached by schema object, so one $ref object per component
const componentRefs = new Map<string, object>();
const componentValidator = (name: string) => {
  const ref = componentRefs.get(name) ?? { $ref: `${SCHEMA_DOC_ID}#/$defs/${name}` };
  componentRefs.set(name, ref);
  return validatorFor(ref);
};

/** The errors of `value` against a component schema ([] when valid). */
export function schemaErrors(name: string, value: unknown): unknown[] {
  const validate = componentValidator(name);
  return validate(value) ? [] : (validate.errors ?? []);
}

export interface Sent {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Sends one raw request through `mock.fetch` and reads the whole answer. */
export async function send(
  mock: LeadConduitMock,
  request: { method: string; path: string; headers?: Record<string, string>; body?: BodyInit },
): Promise<Sent> {
  const res = await mock.fetch(`${BASE}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get("content-type"), headers: res.headers, text, json };
}
