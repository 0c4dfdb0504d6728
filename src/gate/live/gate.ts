// The live contract gate: calls a real server (LeadConduit, or anything claiming to implement
// the spec) and checks every answer against the spec. Prism only proves the spec agrees with
// itself; this is what tells whether the server agrees with the spec.
//
// Planning (plan.ts), judging (judge.ts) and sending (exchange.ts) live apart; this module
// runs the plan in order, carries the entity id from a create call to the calls that need
// one, and assembles the report (scripts/lib/report/model.ts).
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
} from "../report/model.ts";
import type { OperationSpec, Spec } from "../spec-model.ts";
import { operationOf, specValidators } from "../spec-model.ts";
import { exchange, type Request, redactRequest } from "./exchange.ts";
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
  /** per request; default 30000 */
  timeoutMs?: number;
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
  if (options.email) assertEmailAccepted(options.spec, options.email, rejects);
  // an --entity-id the spec refuses would only test the refusal
  const badEntityId = options.entityId && entityIdProblem(options.spec, options.entityId, validatorOf);
  if (badEntityId) throw new LiveGateRefusal(`--entity-id ${badEntityId}`);
  const probes = planProbes(options.spec, options.email ?? EMAIL_PLACEHOLDER, rejects);
  const secrets = options.apiKey ? secretsOf(options.apiKey) : [];
  if (dryRun) return { dryRun: true, target, requests: listRequests(probes, target, options) };

  const ctx: JudgeContext = { spec: options.spec, validatorOf, target: LIVE_TARGET };
  const run = await runProbes(probes, ctx, { ...options, target, secrets });
  const report = assemble(options, target, startedAt, run);
  // Servers may echo what they were sent; nothing of the key leaves this function.
  return { dryRun: false, report: redactDeep(report, secrets) };
}

interface ProbeRun {
  cases: CaseRecord[];
  violations: Finding[];
  findings: Finding[];
  steps: StepRecord[];
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
  for (const probe of probes) {
    const op = operationOf(options.spec, probe.operationId);
    const started = now();
    const url = urlOf(options.target, probe, entityId, false);
    const judged =
      url === undefined
        ? notRun(ctx, probe)
        : judge(
            ctx,
            op,
            probe,
            await exchange(
              options.fetch ?? globalThis.fetch,
              requestOf(probe, url, authorization),
              options.timeoutMs ?? 30_000,
              options.secrets,
            ),
          );
    const ms = Math.round(now() - started);
    // an id the spec refuses is already that create call's violation; carrying it on would only
    // smear the same drift over the calls that need an entity, so the next create call's id is used
    const id = (judged.body as { entity?: { id?: unknown } } | undefined)?.entity?.id;
    if (entityId === undefined && typeof id === "string" && !entityIdProblem(options.spec, id, ctx.validatorOf))
      entityId = id;
    record(out, probe, judged, ms, options);
  }
  return out;
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

function assemble(options: LiveGateOptions, target: string, startedAt: Date, run: ProbeRun): ContractReport {
  const { spec } = options;
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
    ok: run.violations.length === 0,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    spec: specSection(spec, options.specFile),
    targets: [{ name: LIVE_TARGET, url: target }],
    steps: run.steps,
    coverage: buildCoverage(spec, exercised, { targets: [LIVE_TARGET], modeOrder: CHECK_KINDS }),
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

/** Refuses to start when the address would be refused by the spec anyway. */
function assertEmailAccepted(spec: Spec, email: string, rejects: (op: OperationSpec, body: unknown) => boolean): void {
  const op = spec.operations.find((o) => rejects(o, { email }));
  if (op)
    throw new LiveGateRefusal(
      `LEADCONDUIT_CONTRACT_EMAIL breaks ${op.operationId}'s request schema: ${JSON.stringify(email)}`,
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
