// What every contract test shares: the spec's validators compiled once per worker by Ajv2020
// from spec/leadconduit.yaml, the Prism URL, and the record of which (operation, status) pairs
// were exercised in which mode and what broke the spec (read by scripts/lib/mock-gate.ts).
import { expect, inject } from "vitest";
import { appendExercised, appendViolation, type Exercised, type Mode, operationTag } from "../../scripts/lib/coverage.ts";
import { documentedResponse, loadSpec, type OperationSpec, specValidators } from "../../scripts/lib/spec.ts";
import { schemaViolations } from "../../scripts/lib/violations.ts";
import { createLeadConduitClient, type LeadConduitClient } from "../../src/index.ts";

export const spec = loadSpec();
export const validatorFor = specValidators(spec);

export const prismUrl = () => inject("prismUrl");

/** The target every record of this suite is about (a second target gets its own, and a `target:` tag). */
export const TARGET = "prism";

/** Test options saying which operation a suite is about; the gate counts results by this tag. */
export const about = (operationId: string) => ({ tags: [operationTag(operationId)] });

export function operation(operationId: string): OperationSpec {
  const op = spec.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the spec`);
  return op;
}

/** Notes an exercised pair for the gate's coverage table (scripts/lib/coverage.ts). */
export function record(entry: Omit<Exercised, "documented" | "target">): void {
  const file = process.env.LC_CONTRACT_RECORDS;
  if (!file) return;
  appendExercised(file, { ...entry, target: TARGET, documented: documentedResponse(operation(entry.operationId), entry.status) !== undefined });
}

/** Notes each way a response breaks the spec, for the gate's violation list and annotations. */
function recordViolations(operationId: string, response: Response, body: unknown, where: { case: string }): void {
  const file = process.env.LC_CONTRACT_RECORDS;
  if (!file) return;
  const base = { target: TARGET, operationId, status: response.status, case: where.case };
  const documented = documentedResponse(operation(operationId), response.status);
  if (!documented) return appendViolation(file, { ...base, message: `status ${response.status} is not documented for ${operationId}` });
  const schema = documented.content["application/json"];
  if (!schema) return;
  const validate = validatorFor(schema);
  if (validate(body)) return;
  for (const v of schemaViolations(spec, validate.errors)) appendViolation(file, { ...base, ...v, message: `${v.path} ${v.message}` });
}

/**
 * Asserts a mock response is what the spec says for that operation and status: a documented
 * status, JSON content, a body valid against the schema, and no `sl-violations` from Prism.
 */
export async function expectConforming(
  operationId: string,
  response: Response,
  body: unknown,
  where: { mode: Mode; case: string; refusal?: boolean },
): Promise<void> {
  const op = operation(operationId);
  recordViolations(operationId, response, body, where);
  const documented = documentedResponse(op, response.status);
  expect(documented, `${operationId} answered undocumented status ${response.status}`).toBeDefined();
  const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as { location: string[] }[];
  if (where.refusal) {
    // Prism names what it refused in the request; nothing may be wrong with its response
    expect(violations.length, "Prism did not say what it refused").toBeGreaterThan(0);
    expect(violations.filter((v) => v.location[0] !== "request"), "Prism reported violations").toEqual([]);
  } else {
    expect(violations, "Prism reported violations").toEqual([]);
  }
  expect(response.headers.get("content-type") ?? "").toMatch(/^application\/json\b/);
  const schema = documented!.content["application/json"];
  expect(schema, `${operationId} ${response.status} documents no JSON schema`).toBeDefined();
  const validate = validatorFor(schema!);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${operationId} ${response.status} body breaks the spec`).toEqual([]);
  record({ operationId, status: response.status, mode: where.mode, case: where.case });
}

/** Path of an operation with its path parameters filled from the spec's own examples. */
export function examplePath(op: OperationSpec): string {
  return op.pathParams.reduce((path, p) => path.replace(`{${p.name}}`, String(p.example)), op.path);
}


/**
 * A client against Prism (response validation on, no retries), plus the last response it
 * received, cloned so the test can check it too. `prefer` is sent as Prism's Prefer header;
 * `dropAuth` removes the Authorization header in fetch, after the client has set it.
 */
export function observedClient(options: { prefer?: string; dropAuth?: boolean } = {}) {
  const lc = createLeadConduitClient({
    apiKey: "contract-test-key",
    baseUrl: prismUrl(),
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

const entityId = String(operation("resendInvitation").pathParams[0]!.example);

/** A valid call of each operation through the typed methods. */
export const validCalls = {
  createRecipientInvitation: (lc: LeadConduitClient) => lc.invitations.createRecipient({ email: "mike.jones@example.com" }),
  createSourceInvitation: (lc: LeadConduitClient) => lc.invitations.createSource({ email: "mike.jones@example.com" }),
  resendInvitation: (lc: LeadConduitClient) => lc.invitations.resend(entityId),
} as const;
