// The live contract gate: calls a real server (LeadConduit, or anything claiming to implement
// the spec) and checks every answer against the spec. Prism only proves the spec agrees with
// itself; this is what tells whether the server agrees with the spec.
//
// Planning (plan.ts), judging (judge.ts) and sending (exchange.ts) live apart; this module
// runs the plan in order, carries the entity id from a create call to the calls that need
// one, and assembles the report (src/gate/report/model.ts).
import { basicAuthorization, secretsOf } from "../../client/auth.ts";
import { redactDeep } from "../../client/redact.ts";
import { buildCoverage } from "../report/coverage.ts";
import {
  type CaseRecord,
  type ContractReport,
  type Finding,
  REPORT_FORMAT,
  type SpecLocation,
  type StepRecord,
  specSection,
  type Unchecked,
} from "../report/model.ts";
import type { OperationSpec, Spec } from "../spec-model.ts";
import { operationOf, specValidators, unlistedValidators } from "../spec-model.ts";
import { DEFAULT_TIMEOUT_MS, exchange, type Request, redactRequest } from "./exchange.ts";
import {
  type Exchange,
  type JudgeContext,
  type Judged,
  judgeBadBody,
  judgeNoCredentials,
  judgeValidCall,
} from "./judge.ts";
import { CHECK, CHECK_KINDS, EMAIL_PLACEHOLDER, kindOf, type Probe, planProbes, urlOf } from "./plan.ts";
import { missingSecrets, targetProblem } from "./refusals.ts";
import { sendsEmail, validBody } from "./valid-request.ts";

export const LIVE_TARGET = "live";

export interface LiveGateOptions {
  spec: Spec;
  /** the spec file as reports name it */
  specFile: string;
  /** finds the line of a schema pointer in the spec file (repository runs) */
  locate?: (pointer: string) => SpecLocation | undefined;
  target: string;
  /** required unless dryRun */
  apiKey?: string;
  /** where the invitations go; required unless dryRun: a live run sends real email */
  email?: string;
  dryRun?: boolean;
  /** an entity to resend; defaults to the `entity.id` the first create call returns */
  entityId?: string;
  fetch?: typeof fetch;
  /** per request; default DEFAULT_TIMEOUT_MS */
  timeoutMs?: number;
  /** check only these operations (operationIds of the spec); default every one */
  operations?: string[];
  /** the clock each probe is timed with, in ms; default performance.now */
  now?: () => number;
}

/** A request as the dry run lists it. */
export interface PlannedRequest extends Request {
  operationId: string;
  check: string;
}

export type LiveGateResult =
  | { dryRun: true; target: string; requests: PlannedRequest[] }
  | { dryRun: false; report: ContractReport };

/** Refused to start: nothing was sent. */
export class LiveGateRefusal extends Error {
  override name = "LiveGateRefusal";
}

export async function runLiveGate(options: LiveGateOptions): Promise<LiveGateResult> {
  const startedAt = new Date();
  const target = normaliseTarget(options.target);
  const dryRun = options.dryRun === true;
  const missing = dryRun ? undefined : missingSecrets(options.apiKey, options.email);
  if (missing) throw new LiveGateRefusal(missing);
  const validatorOf = specValidators(options.spec);
  const rejects = (op: OperationSpec, body: unknown) => !!op.body && !validatorOf(op.body.schema)(body);
  if (options.email) assertValidBodies(options.spec, options.email, rejects);
  // an --entity-id the spec refuses would only test the refusal
  const badEntityId = options.entityId && entityIdProblem(options.spec, options.entityId, validatorOf);
  if (badEntityId) throw new LiveGateRefusal(`--entity-id ${badEntityId}`);
  const chosen = chosenOperations(options.spec, options.operations, options.entityId);
  const probes = planProbes(options.spec, options.email ?? EMAIL_PLACEHOLDER, rejects).filter(
    (p) => !chosen || chosen.includes(p.operationId),
  );
  const secrets = options.apiKey ? secretsOf(options.apiKey) : [];
  if (dryRun) return { dryRun: true, target, requests: listRequests(probes, target, options) };

  const ctx: JudgeContext = {
    spec: options.spec,
    validatorOf,
    unlistedOf: unlistedValidators(options.spec),
    target: LIVE_TARGET,
  };
  const run = await runProbes(probes, ctx, { ...options, target, secrets });
  const report = assemble({ ...options, operations: chosen }, target, startedAt, run);
  // Servers may echo what they were sent; nothing of the key leaves this function.
  return { dryRun: false, report: redactDeep(report, secrets) };
}

interface ProbeRun {
  cases: CaseRecord[];
  violations: Finding[];
  findings: Finding[];
  steps: StepRecord[];
  /** the request that got no answer, which ended the run */
  unchecked?: Unchecked;
}

/**
 * The operations a run is limited to, or undefined for all; refuses an id the spec lacks, and a
 * choice whose calls need an entity id that nothing would give them.
 */
function chosenOperations(spec: Spec, ids: string[] | undefined, entityId: string | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  const known = spec.operations.map((o) => o.operationId);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length)
    throw new LiveGateRefusal(
      `--operation ${unknown.map((id) => JSON.stringify(id)).join(", ")}: not in the spec, whose operations are ${known.join(", ")}`,
    );
  const chosen = spec.operations.filter((o) => ids.includes(o.operationId));
  // an operation with a path parameter is called with the entity a create call (one without) returns
  const creates = spec.operations.filter((o) => o.pathParams.length === 0).map((o) => o.operationId);
  if (entityId === undefined && chosen.every((o) => o.pathParams.length > 0))
    throw new LiveGateRefusal(
      `--operation ${ids.join(", ")} needs an entity to call: pass --entity-id <id>, or add an --operation that creates one (${creates.join(", ")})`,
    );
  return chosen.map((o) => o.operationId);
}

async function runProbes(
  probes: Probe[],
  ctx: JudgeContext,
  options: LiveGateOptions & { target: string; secrets: string[] },
): Promise<ProbeRun> {
  const out: ProbeRun = { cases: [], violations: [], findings: [], steps: [] };
  const authorization = basicAuthorization(options.apiKey!);
  let entityId = options.entityId;
  const now = options.now ?? (() => performance.now());
  for (const [i, probe] of probes.entries()) {
    const op = operationOf(options.spec, probe.operationId);
    const started = now();
    const url = urlOf(options.target, probe, entityId, false);
    const answer =
      url === undefined
        ? undefined
        : await exchange(
            options.fetch ?? globalThis.fetch,
            requestOf(probe, url, authorization),
            options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            options.secrets,
          );
    const ms = Math.round(now() - started);
    if (answer && "noAnswer" in answer) {
      // no answer is no verdict: the run stops here, so a target that hangs costs one timeout
      out.unchecked = {
        cause: answer.noAnswer,
        request: `${probe.method} ${url}`,
        operationId: probe.operationId,
        case: probe.check,
      };
      stopAt(out, probes.slice(i), ms, answer.noAnswer);
      break;
    }
    const judged = answer === undefined ? notRun(ctx, probe) : judge(ctx, op, probe, answer);
    // an id the spec refuses is already that create call's violation; carrying it on would only
    // smear the same drift over the calls that need an entity, so the next create call's id is used
    const id = (judged.body as { entity?: { id?: unknown } } | undefined)?.entity?.id;
    if (entityId === undefined && typeof id === "string" && !entityIdProblem(options.spec, id, ctx.validatorOf))
      entityId = id;
    record(out, probe, judged, ms, options);
  }
  return out;
}

/** The probe that got no answer could not be checked; the ones after it were not run. */
function stopAt(out: ProbeRun, [first, ...rest]: Probe[], ms: number, why: string): void {
  const at = (probe: Probe, status: "unchecked" | "skipped", note: string, spent: number): CaseRecord => ({
    target: LIVE_TARGET,
    operationId: probe.operationId,
    name: probe.check,
    status,
    ms: spent,
    note,
  });
  out.cases.push(at(first!, "unchecked", why, ms));
  const notRun = `not run: the run stopped at ${first!.operationId} ${first!.check}, which got no answer`;
  out.cases.push(...rest.map((probe) => at(probe, "skipped", notRun, 0)));
  for (const operationId of new Set([first!, ...rest].map((p) => p.operationId))) {
    const step = out.steps.find((s) => s.name === `check ${operationId}`);
    const spent = operationId === first!.operationId ? ms : 0;
    if (step) Object.assign(step, { ok: false, unchecked: true, ms: step.ms + spent });
    else out.steps.push({ name: `check ${operationId}`, ok: false, unchecked: true, ms: spent });
  }
}

function record(out: ProbeRun, probe: Probe, judged: Judged, ms: number, options: LiveGateOptions): void {
  const located = (f: Finding): Finding => {
    const at = f.location && options.locate?.(f.location.pointer);
    return at ? { ...f, location: at } : f;
  };
  out.violations.push(...judged.violations.map(located));
  out.findings.push(...judged.findings.map(located));
  out.cases.push({
    target: LIVE_TARGET,
    operationId: probe.operationId,
    name: probe.check,
    status: judged.violations.length ? "failed" : "passed",
    ms,
    ...(judged.status === undefined ? {} : { httpStatus: judged.status }),
    ...(judged.violations.length ? { failures: judged.violations.map((v) => v.message.split("\n")[0]!) } : {}),
  });
  const step = out.steps.find((s) => s.name === `check ${probe.operationId}`);
  if (step) {
    step.ms += ms;
    step.ok &&= judged.violations.length === 0;
  } else {
    out.steps.push({ name: `check ${probe.operationId}`, ok: judged.violations.length === 0, ms });
  }
}

function judge(ctx: JudgeContext, op: OperationSpec, probe: Probe, answer: Exchange): Judged {
  if (probe.check === CHECK.valid) return judgeValidCall(ctx, op, probe.check, answer);
  if (probe.check === CHECK.noCredentials) return judgeNoCredentials(ctx, op, probe.check, answer);
  return judgeBadBody(ctx, op, probe.check, answer);
}

function notRun(ctx: JudgeContext, probe: Probe): Judged {
  const message =
    "not run: no entity id to call it with; pass --entity-id, or a create call must return a valid entity.id";
  return {
    violations: [{ target: ctx.target, operationId: probe.operationId, case: probe.check, message }],
    findings: [],
  };
}

function requestOf(probe: Probe, url: string, authorization: string): Request {
  return {
    method: probe.method,
    url,
    headers: {
      accept: "application/json",
      ...(probe.contentType ? { "content-type": probe.contentType } : {}),
      ...(probe.withAuth ? { authorization } : {}),
    },
    ...(probe.body === undefined ? {} : { body: probe.body }),
  };
}

function listRequests(probes: Probe[], target: string, options: LiveGateOptions): PlannedRequest[] {
  // the real value is never shown; a placeholder keeps the header visible in the listing
  const authorization = basicAuthorization("dry-run");
  return probes.map((probe) => {
    const url = urlOf(target, probe, options.entityId, true)!;
    return {
      operationId: probe.operationId,
      check: probe.check,
      ...redactRequest(requestOf(probe, url, authorization)),
    };
  });
}

function assemble(
  options: Omit<LiveGateOptions, "operations"> & { operations: string[] | undefined },
  target: string,
  startedAt: Date,
  run: ProbeRun,
): ContractReport {
  const { spec, operations } = options;
  const exercised = run.cases
    .filter((c) => c.httpStatus !== undefined)
    .map((c) => {
      const op = operationOf(spec, c.operationId!);
      const documented = op.responses.some((r) => r.status === String(c.httpStatus));
      return {
        target: LIVE_TARGET,
        operationId: op.operationId,
        status: c.httpStatus!,
        mode: kindOf(c.name),
        documented,
        case: c.name,
      };
    });
  return {
    format: REPORT_FORMAT,
    mode: "live",
    ok: run.violations.length === 0 && !run.unchecked,
    ...(run.unchecked ? { unchecked: run.unchecked } : {}),
    ...(operations ? { operations } : {}),
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    spec: specSection(spec, options.specFile),
    targets: [{ name: LIVE_TARGET, url: target }],
    steps: run.steps,
    coverage: buildCoverage(spec, exercised, {
      targets: [LIVE_TARGET],
      modeOrder: CHECK_KINDS,
      ...(operations ? { operations } : {}),
    }),
    cases: run.cases,
    violations: run.violations,
    findings: run.findings,
  };
}

function normaliseTarget(target: string): string {
  const problem = targetProblem(target);
  if (problem) throw new LiveGateRefusal(`target ${problem}`);
  return new URL(target).toString().replace(/\/+$/, "");
}

/**
 * Refuses to start when a valid call's body would be refused by the spec anyway: the address
 * breaks a schema that takes it, or an operation's example body breaks its own schema.
 */
function assertValidBodies(spec: Spec, email: string, rejects: (op: OperationSpec, body: unknown) => boolean): void {
  const op = spec.operations.find((o) => rejects(o, validBody(spec, o, email)));
  if (!op) return;
  throw new LiveGateRefusal(
    sendsEmail(spec, op)
      ? `LEADCONDUIT_CONTRACT_EMAIL breaks ${op.operationId}'s request schema: ${JSON.stringify(email)}`
      : `the spec's example body of ${op.operationId} breaks its own request schema, and a valid call sends it`,
  );
}

/** Why the spec's path parameter schemas refuse an entity id, or nothing when they take it. */
function entityIdProblem(spec: Spec, entityId: string, validatorOf: JudgeContext["validatorOf"]): string | undefined {
  for (const op of spec.operations) {
    for (const param of op.pathParams) {
      const validate = validatorOf(param.schema);
      if (!validate(entityId)) {
        const why = (validate.errors ?? []).map((e) => e.message).join("; ");
        return `${JSON.stringify(entityId)} is not a valid ${param.name}: ${why}`;
      }
    }
  }
  return undefined;
}
