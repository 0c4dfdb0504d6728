// What every contract test shares: the spec's validators compiled once per worker by Ajv2020
// from the bundled spec (generated/openapi.json), the targets' URLs (started on first use by the run's broker), the loop that
// runs a file's cases once per target, and the record of which (operation, status) pairs each
// target exercised in which mode and what broke the spec (read by scripts/lib/contract/mock-gate.ts).
import { describe, expect, it } from "vitest";
import { type MethodSpec, methods } from "../../generated/api.js";
import { createLeadConduitClient, type LeadConduitClient } from "../../src/client/index.ts";
import { schemaViolations } from "../../src/gate/violations.ts";
import { acquire } from "./broker.ts";
import { appendExercised, appendViolation, type Exercised, type Mode, operationTag, targetTag } from "./records.ts";
import {
  documentedResponse,
  firstBodyExample,
  type OperationSpec,
  operationOf,
  requiredQuery,
  spec,
  validatorFor,
} from "./spec.ts";
import { TARGETS, type Target, WRONG_KEY } from "./targets.ts";

export { spec, validatorFor };

// every target of the table, started by the run's broker the first time any file asks
const urls = Object.fromEntries(
  await Promise.all(TARGETS.map(async (t) => [t.name, await acquire(t.name)] as const)),
) as Record<string, string>;

export function urlOf(target: Target): string {
  return urls[target.name]!;
}

/** Test options saying which operation a suite is about; the gate counts results by this tag. */
export const about = (operationId: string) => ({ tags: [operationTag(operationId)] });

/**
 * Runs `cases` once for every target, inside a suite tagged `target:<name>`. A mode the target
 * table says does not apply to a target gets one skipped test per operation that says why, so
 * the report shows it instead of a silence.
 */
export function forEachTarget(mode: Mode, cases: (target: Target) => void): void {
  for (const target of TARGETS) {
    describe(target.name, { tags: [targetTag(target.name)] }, () => {
      const notApplicable = target.notApplicable[mode];
      if (!notApplicable) return cases(target);
      for (const op of spec.operations) {
        const why = `${notApplicable.note} (contract-tests/lib/targets.ts: ${notApplicable.because})`;
        it.skip(
          `${op.operationId}: ${mode} cases do not apply to ${target.name}: ${why}`,
          about(op.operationId),
          () => {},
        );
      }
    });
  }
}

const operation = (operationId: string): OperationSpec => operationOf(spec, operationId);

/** Notes an exercised pair for the gate's coverage table (src/gate/report/coverage.ts). */
export function record(target: Target, entry: Omit<Exercised, "documented" | "target">): void {
  const file = process.env.LC_CONTRACT_RECORDS;
  if (!file) return;
  appendExercised(file, {
    ...entry,
    target: target.name,
    documented: documentedResponse(operation(entry.operationId), entry.status) !== undefined,
  });
}

/** Notes each way a response breaks the spec, for the gate's violation list and annotations. */
function recordViolations(
  target: Target,
  operationId: string,
  response: Response,
  body: unknown,
  where: { case: string },
): void {
  const file = process.env.LC_CONTRACT_RECORDS;
  if (!file) return;
  const base = { target: target.name, operationId, status: response.status, case: where.case };
  const documented = documentedResponse(operation(operationId), response.status);
  if (!documented) {
    appendViolation(file, { ...base, message: `status ${response.status} is not documented for ${operationId}` });
    return;
  }
  const schema = documented.content["application/json"];
  if (!schema || body === undefined) return;
  const validate = validatorFor(schema);
  if (validate(body)) return;
  for (const v of schemaViolations(spec, validate.errors))
    appendViolation(file, { ...base, ...v, message: `${v.path} ${v.message}` });
}

/**
 * Asserts what a target said about an exchange: nothing wrong with its own answer, and a
 * refusal named in the request exactly when the target table says this target names that kind
 * (a 401 is a credentials refusal, any other 4xx a request that breaks the spec).
 */
export function expectSaid(target: Target, response: Response, refusal: boolean, documented: boolean): void {
  const said = target.said(response);
  expect(
    said.filter((s) => s.where === "response"),
    `${target.name} found its own answer wrong`,
  ).toEqual([]);
  const kind = response.status === 401 ? target.names.credentials : target.names.refusals;
  const names = refusal && kind && (documented || !target.names.onlyDocumented);
  const request = said.filter((s) => s.where === "request");
  if (names) expect(request.length, `${target.name} did not say what it refused`).toBeGreaterThan(0);
  else expect(request, `${target.name} named a refusal it should not`).toEqual([]);
}

/**
 * Asserts a target's response is what the spec says for that operation and status: a
 * documented status, its content (JSON, a body valid against the schema; nothing where the spec
 * documents none, and never an answer's body to a HEAD), and what the target said about it as
 * expectSaid wants.
 */
export async function expectConforming(
  target: Target,
  operationId: string,
  response: Response,
  body: unknown,
  where: { mode: Mode; case: string; refusal?: boolean },
): Promise<void> {
  const op = operation(operationId);
  recordViolations(target, operationId, response, body, where);
  const documented = documentedResponse(op, response.status);
  expect(documented, `${operationId} answered undocumented status ${response.status}`).toBeDefined();
  expectSaid(target, response, where.refusal === true, true);
  const schema = documented!.content["application/json"];
  if (schema === undefined || op.method === "HEAD") {
    expect(body, `${operationId} ${response.status} has no content`).toBeUndefined();
  } else {
    expect(response.headers.get("content-type") ?? "").toMatch(/^application\/json\b/);
    const validate = validatorFor(schema);
    const valid = validate(body);
    expect(valid ? [] : validate.errors, `${operationId} ${response.status} body breaks the spec`).toEqual([]);
  }
  record(target, { operationId, status: response.status, mode: where.mode, case: where.case });
}

/** A response's body as the suite reads it: parsed JSON, or undefined when there is none. */
export async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}

/**
 * A client against a target (response validation on, no retries), plus the last response it
 * received, cloned so the test can check it too. `prefer` is sent as a Prefer header (Prism's);
 * `dropAuth` removes the Authorization header in fetch, after the client has set it;
 * `wrongKey` configures the client with a key that is not the target's.
 */
export function observedClient(
  target: Target,
  options: { prefer?: string; dropAuth?: boolean; wrongKey?: boolean } = {},
) {
  const lc = createLeadConduitClient({
    apiKey: options.wrongKey ? WRONG_KEY : target.apiKey,
    baseUrl: urlOf(target),
    validateResponses: true,
    maxRetries: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      if (options.dropAuth) request.headers.delete("authorization");
      return fetch(request, { signal: init?.signal ?? null });
    },
  });
  const seen: { response?: Response } = {};
  lc.raw.use({
    onRequest({ request }) {
      if (options.prefer) request.headers.set("Prefer", options.prefer);
      return request;
    },
    onResponse({ response }) {
      seen.response = response.clone();
    },
  });
  return { lc, seen };
}

/** Where each operation's typed method lives (generated/api.js): its resource, its name, how it takes its arguments. */
const METHODS = new Map(
  Object.entries(methods).flatMap(([resource, group]) =>
    Object.entries(group).map(([name, m]: [string, MethodSpec]) => [m.operationId, { resource, name, m }] as const),
  ),
);

/** The arguments of a call of a typed method, from the spec's examples: path parameters, body, query. */
function exampleArgs(m: MethodSpec, overrides: { body?: unknown }): unknown[] {
  const op = operation(m.operationId);
  const required = requiredQuery(op);
  const body = "body" in overrides ? overrides.body : firstBodyExample(op);
  return [
    ...op.pathParams.map((p) => p.example),
    ...(m.body === "none" ? [] : [body]),
    ...(m.query === "required" ? [Object.fromEntries(required.map((p) => [p.name, p.example]))] : []),
  ];
}

type Call = (lc: LeadConduitClient) => Promise<unknown>;

/** Calls an operation through its typed method with the spec's examples, the body replaced where given. */
export function invokeWith(lc: LeadConduitClient, operationId: string, overrides: { body?: unknown } = {}) {
  const { resource, name, m } = METHODS.get(operationId as MethodSpec["operationId"])!;
  const typed = (lc as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[resource]!;
  return typed[name]!(...exampleArgs(m, overrides));
}

/** A valid call of each operation through its typed method, by operationId. */
export const validCalls: Record<string, Call> = Object.fromEntries(
  [...METHODS.keys()].map((operationId) => [operationId, (lc: LeadConduitClient) => invokeWith(lc, operationId)]),
);
