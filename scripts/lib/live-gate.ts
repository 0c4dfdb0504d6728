// The live contract gate: calls a real server (LeadConduit, or anything claiming to implement
// spec/leadconduit.yaml) and checks every answer against the spec. Prism only proves the spec
// agrees with itself; this is what tells whether the server agrees with the spec.
//
// Every schema comes from scripts/lib/spec.ts; the only thing written here is which requests
// to send and how to judge the status of each answer.
import type { ErrorObject, ValidateFunction } from "ajv";
import { basicAuthorization, secretsOf } from "../../src/auth.ts";
import { violationsOf } from "../../src/validation.ts";
import { redactHeader, redactText } from "../../src/redact.ts";
import { assertSecureTransport } from "../../src/transport.ts";
import { writeReports } from "./live-report.ts";
import {
  documentedResponse,
  loadSpec,
  type OperationSpec,
  type ResponseSpec,
  specValidators,
  successResponse,
} from "./spec.ts";

export { formatLiveReport, writeReports } from "./live-report.ts";

export interface LiveGateOptions {
  target: string;
  apiKey: string;
  /** Where the invitations go. Required unless dryRun: a live run sends real email. */
  email?: string;
  /** List the requests that would be sent, send nothing. */
  dryRun?: boolean;
  /** When given, contract-live.json and contract-live.junit.xml are written there (not in a dry run). */
  reportDir?: string;
  fetch?: typeof fetch;
  /** An entity to resend; defaults to the `entity.id` the first create call returns. */
  entityId?: string;
  /** Per request. Default 30000. */
  timeoutMs?: number;
}

export interface Finding {
  operationId: string;
  check: string;
  status?: number;
  path?: string;
  message: string;
  /** "violation" fails the gate; "finding" is something the spec could say and does not. */
  severity: "violation" | "finding";
}

export interface CheckResult {
  operationId: string;
  name: string;
  status?: number;
  ok: boolean;
  findings: Finding[];
}

/** A request as the dry run shows it: the Authorization value is never included. */
export interface PlannedRequest {
  operationId: string;
  check: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface LiveGateReport {
  target: string;
  ok: boolean;
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  findings: Finding[];
  dryRun?: boolean;
  /** Only in a dry run: what a live run would send, in order. */
  requests?: PlannedRequest[];
}

export const CHECK = {
  valid: "valid-call",
  noCredentials: "no-credentials",
  badBody: (body: unknown) => `bad-body ${JSON.stringify(body)}`,
} as const;

// Bodies a server must refuse. Each is sent only when the spec's own request schema rejects it,
// so a spec that starts accepting one of them does not turn this gate against the spec.
const BAD_BODY_CANDIDATES: unknown[] = [{}, { email: 5 }];

const DRY_RUN_ENTITY_ID = "{entityId}";
const SNIPPET_CHARS = 120;

// A request to send: the same shape as PlannedRequest, but its headers carry the real
// Authorization value; redactProbe() turns one into the other.
type Probe = PlannedRequest;

type Exchange = { status: number; contentType: string; text: string } | { error: string };

export async function runLiveGate(options: LiveGateOptions): Promise<LiveGateReport> {
  const startedAt = new Date();
  const target = normaliseTarget(options.target);
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new Error("runLiveGate: an API key is required");
  }
  if (!options.dryRun && !options.email) {
    throw new Error("runLiveGate: a live run sends real invitation email, so `email` is required");
  }
  const authorization = basicAuthorization(options.apiKey);
  const secrets = secretsOf(options.apiKey);
  const spec = loadSpec();
  const validatorOf = specValidators(spec);
  const email = options.email ?? "<LEADCONDUIT_CONTRACT_EMAIL>";
  const validBody = { email };
  if (options.email) assertBodyAccepted(spec.operations, validBody, validatorOf);

  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const planned: PlannedRequest[] = [];
  const send = async (probe: Probe): Promise<Exchange | undefined> => {
    if (options.dryRun) {
      planned.push(redactProbe(probe));
      return undefined;
    }
    return exchange(fetchImpl, probe, timeoutMs, secrets);
  };

  const checks: CheckResult[] = [];
  let entityId = options.entityId;
  // Operations that need an id from a create call run after the create calls.
  const ordered = [...spec.operations].sort((a, b) => a.pathParams.length - b.pathParams.length);
  for (const op of ordered) {
    const needsId = op.pathParams.length > 0;
    // Auth and body checks come before any lookup, so a probe may use the spec's example id;
    // the valid call needs an entity that exists.
    const idFor = (purpose: "valid" | "probe") =>
      entityId ?? (options.dryRun ? DRY_RUN_ENTITY_ID : purpose === "probe" ? exampleIdOf(op) : undefined);
    const urlWith = (id: string | undefined) =>
      !needsId ? urlOf(target, op, "") : id === undefined ? undefined : urlOf(target, op, id);
    const probe = (check: string, withAuth: boolean, url: string, body?: unknown): Probe => ({
      operationId: op.operationId,
      check,
      method: op.method,
      url,
      headers: headers(withAuth),
      body,
    });
    const headers = (withAuth: boolean) => ({
      accept: "application/json",
      ...(op.body ? { "content-type": op.body.contentType } : {}),
      ...(withAuth ? { authorization } : {}),
    });
    const body = op.body ? validBody : undefined;

    const notRun = (check: string) =>
      result(op.operationId, check, undefined, [
        violation(
          op.operationId,
          check,
          "not run: no entity id to call it with; pass entityId, or a create call must return entity.id",
        ),
      ]);

    const validUrl = urlWith(idFor("valid"));
    if (validUrl === undefined) {
      checks.push(notRun(CHECK.valid));
    } else {
      const answer = await send(probe(CHECK.valid, true, validUrl, body));
      if (answer) {
        const { check, body: parsed } = judgeValidCall(op, answer, validatorOf);
        checks.push(check);
        const id = (parsed as { entity?: { id?: unknown } } | undefined)?.entity?.id;
        if (entityId === undefined && typeof id === "string" && id !== "") entityId = id;
      }
    }

    const probeUrl = urlWith(idFor("probe"));
    if (probeUrl === undefined) {
      checks.push(notRun(CHECK.noCredentials));
      continue;
    }
    const refused = await send(probe(CHECK.noCredentials, false, probeUrl, body));
    if (refused) checks.push(judgeNoCredentials(op, refused, validatorOf));

    if (op.body) {
      const requestValidator = validatorOf(op.body.schema);
      for (const bad of BAD_BODY_CANDIDATES.filter((candidate) => !requestValidator(candidate))) {
        const check = CHECK.badBody(bad);
        const answer = await send(probe(check, true, probeUrl, bad));
        if (answer) checks.push(judgeBadBody(op, check, answer, validatorOf));
      }
    }
  }

  const report: LiveGateReport = {
    target,
    ok: checks.every((c) => c.ok),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    checks,
    findings: checks.flatMap((c) => c.findings),
    ...(options.dryRun ? { dryRun: true, requests: planned } : {}),
  };
  // Servers may echo what they were sent; nothing of the key leaves this function.
  const redacted = redactDeep(report, secrets);
  if (options.reportDir && !options.dryRun) writeReports(redacted, options.reportDir);
  return redacted;
}

type ValidatorOf = (schema: object) => ValidateFunction;

function judgeValidCall(op: OperationSpec, answer: Exchange, validatorOf: ValidatorOf) {
  const id = op.operationId;
  const check = CHECK.valid;
  if ("error" in answer) return { check: result(id, check, undefined, [violation(id, check, answer.error)]) };
  const { status } = answer;
  const findings: Finding[] = [];
  const documented = documentedResponse(op, status);
  if (!isSuccess(status)) {
    const hint = status === 401 ? " (are the API key and the target right?)" : "";
    const message = documented
      ? `a valid call was refused with ${status}${hint}: ${snippet(answer.text)}`
      : `${status} is not documented for ${id}; a valid call must succeed, and if the server really answers ` +
        `${status} the spec must then document it: ${snippet(answer.text)}`;
    findings.push(violation(id, check, message, status));
    return { check: result(id, check, status, findings) };
  }
  if (!documented) {
    findings.push(
      violation(id, check, `${status} is not documented for ${id}; the spec must then document it`, status),
    );
  }
  // An undocumented 2xx is still held to the first documented 2xx's schema, as the client does.
  const judged = judgeBody(op, check, status, documented ?? successResponse(op), answer, validatorOf);
  findings.push(...judged.findings);
  return { check: result(id, check, status, findings), body: judged.body };
}

function judgeNoCredentials(op: OperationSpec, answer: Exchange, validatorOf: ValidatorOf): CheckResult {
  const id = op.operationId;
  const check = CHECK.noCredentials;
  if ("error" in answer) return result(id, check, undefined, [violation(id, check, answer.error)]);
  const { status } = answer;
  if (status !== 401) {
    return result(id, check, status, [
      violation(id, check, `a call without credentials answered ${status}, expected 401: ${snippet(answer.text)}`, status),
    ]);
  }
  const documented = documentedResponse(op, status);
  if (!documented) {
    return result(id, check, status, [
      violation(id, check, `401 is not documented for ${id}; the spec must then document it`, status),
    ]);
  }
  return result(id, check, status, judgeBody(op, check, status, documented, answer, validatorOf).findings);
}

function judgeBadBody(op: OperationSpec, check: string, answer: Exchange, validatorOf: ValidatorOf): CheckResult {
  const id = op.operationId;
  if ("error" in answer) return result(id, check, undefined, [violation(id, check, answer.error)]);
  const { status } = answer;
  if (status < 400 || status >= 500) {
    const what = isSuccess(status) ? "accepted with" : "answered";
    return result(id, check, status, [
      violation(id, check, `a body the spec refuses was ${what} ${status}; expected a 4xx: ${snippet(answer.text)}`, status),
    ]);
  }
  const documented = documentedResponse(op, status);
  if (!documented) {
    // Which 4xx is not documented anywhere, so the answer is worth knowing, not a failure.
    return result(id, check, status, [
      {
        operationId: id,
        check,
        status,
        message: `refused with ${status}, which the spec does not document; it could: ${snippet(answer.text)}`,
        severity: "finding",
      },
    ]);
  }
  return result(id, check, status, judgeBody(op, check, status, documented, answer, validatorOf).findings);
}

/** Content type and body against the documented response; every problem is a violation. */
function judgeBody(
  op: OperationSpec,
  check: string,
  status: number,
  documented: ResponseSpec,
  answer: { contentType: string; text: string },
  validatorOf: ValidatorOf,
): { findings: Finding[]; body?: unknown } {
  const id = op.operationId;
  const types = Object.keys(documented.content);
  if (types.length === 0) return { findings: [] };
  const findings: Finding[] = [];
  const mediaType = answer.contentType.split(";")[0]!.trim().toLowerCase();
  const expected = types.find((t) => t.toLowerCase() === mediaType);
  if (!expected) {
    const got = JSON.stringify(answer.contentType || "(none)");
    findings.push(violation(id, check, `content type ${got} is not ${types.join(" or ")}`, status));
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    const what = answer.text.trim() === "" ? "empty" : "not JSON";
    findings.push(violation(id, check, `body is ${what}: ${snippet(answer.text)}`, status, "/"));
    return { findings };
  }
  const schema = documented.content[expected ?? "application/json"] ?? documented.content[types[0]!]!;
  const validate = validatorOf(schema);
  if (!validate(body)) {
    for (const v of violationsOf(validate.errors as ErrorObject[])) {
      findings.push(violation(id, check, `${v.path} ${v.message}`, status, v.path));
    }
  }
  return { findings, body };
}

async function exchange(fetchImpl: typeof fetch, probe: Probe, timeoutMs: number, secrets: string[]): Promise<Exchange> {
  try {
    const response = await fetchImpl(probe.url, {
      method: probe.method,
      headers: probe.headers,
      body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
      // a redirect is an answer to judge, and following it could carry the key elsewhere
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // redacted before anything is cut or quoted, so no fragment of an echoed key survives
    const text = redactText(await response.text(), secrets);
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    const message = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
    return { error: redactText(`no answer from ${probe.method} ${probe.url}: ${message}`, secrets) };
  }
}

function normaliseTarget(target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new Error(`target is not a URL: ${JSON.stringify(String(target).slice(0, 200))}`);
  }
  if (url.username || url.password) throw new Error("target must not contain credentials; pass the key as apiKey");
  // the key goes out on every call: same rule as the client, https except to loopback
  assertSecureTransport(url.toString(), false);
  return url.toString().replace(/\/+$/, "");
}

function urlOf(target: string, op: OperationSpec, entityId: string): string {
  const value = entityId === DRY_RUN_ENTITY_ID ? entityId : encodeURIComponent(entityId);
  const path = op.path.replace(/\{[^}]+\}/g, () => value);
  return `${target}${path}`;
}

function exampleIdOf(op: OperationSpec): string | undefined {
  const example = op.pathParams[0]?.example;
  return typeof example === "string" ? example : undefined;
}

/** Refuses to start when the address would be refused by the spec anyway. */
function assertBodyAccepted(operations: OperationSpec[], body: unknown, validatorOf: ValidatorOf): void {
  for (const op of operations) {
    if (!op.body) continue;
    const validate = validatorOf(op.body.schema);
    if (!validate(body)) {
      const why = violationsOf(validate.errors as ErrorObject[]).map((v) => `${v.path} ${v.message}`).join("; ");
      throw new Error(`the contract email breaks ${op.operationId}'s request schema: ${why}`);
    }
  }
}

function redactProbe(probe: Probe): PlannedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(probe.headers)) {
    headers[name] = redactHeader(name, value);
  }
  return {
    operationId: probe.operationId,
    check: probe.check,
    method: probe.method,
    url: probe.url,
    headers,
    ...(probe.body === undefined ? {} : { body: probe.body }),
  };
}

function redactDeep<T>(value: T, secrets: string[]): T {
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  }
  return value;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "(empty body)";
  return JSON.stringify(flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat);
}

function violation(operationId: string, check: string, message: string, status?: number, path?: string): Finding {
  return {
    operationId,
    check,
    ...(status === undefined ? {} : { status }),
    ...(path === undefined ? {} : { path }),
    message,
    severity: "violation",
  };
}

function result(operationId: string, name: string, status: number | undefined, findings: Finding[]): CheckResult {
  return {
    operationId,
    name,
    ...(status === undefined ? {} : { status }),
    ok: !findings.some((f) => f.severity === "violation"),
    findings,
  };
}
