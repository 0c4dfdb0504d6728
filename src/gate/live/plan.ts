// Plans the probes of a live run: for every operation of the spec, a valid call, a call
// without credentials, and each bad body the spec's own request schema refuses, each with the
// operation's required query (valid-request.ts). Pure: the only thing decided at run time is
// the entity id, which a create call returns.
import type { OperationSpec, Spec } from "../spec-model.ts";
import { validBody, validQuery } from "./valid-request.ts";

export const CHECK = {
  valid: "valid-call",
  noCredentials: "no-credentials",
  badBody: (body: unknown) => `bad-body ${JSON.stringify(body)}`,
} as const;

/** The kind of a check, for the coverage table's columns. */
export const CHECK_KINDS = ["valid-call", "no-credentials", "bad-body"] as const;
export const kindOf = (check: string): string => check.split(" ")[0]!;

// Bodies a server must refuse. Each is sent only when the spec's own request schema rejects it,
// so a spec that starts accepting one of them does not turn this gate against the spec.
const BAD_BODY_CANDIDATES: unknown[] = [{}, { email: 5 }];

/** Shown for the entity id in a dry run, where no create call returned one. */
const DRY_RUN_ENTITY_ID = "{entityId}";
export const EMAIL_PLACEHOLDER = "<LEADCONDUIT_CONTRACT_EMAIL>";

export interface Probe {
  operationId: string;
  check: string;
  method: string;
  /** the operation's path, `{param}`s still in it */
  path: string;
  /** the required query parameters, from the spec's examples */
  query?: Record<string, string>;
  withAuth: boolean;
  contentType?: string;
  body?: unknown;
  /**
   * What fills a path parameter: "entity" needs an entity that exists (the valid call), an
   * "entity-or-example" probe is refused before any lookup, so the spec's example id will do.
   */
  id: "none" | "entity" | "entity-or-example";
  exampleId?: string;
}

export function planProbes(spec: Spec, email: string, rejects: (op: OperationSpec, body: unknown) => boolean): Probe[] {
  // Operations that need an id from a create call run after the create calls, and one that
  // deletes runs last: the entity it takes away is the one the others are called with.
  const rank = (op: OperationSpec) => (op.method === "DELETE" ? 2 : op.pathParams.length > 0 ? 1 : 0);
  const ordered = [...spec.operations].sort((a, b) => rank(a) - rank(b));
  return ordered.flatMap((op) => probesOf(spec, op, email, rejects));
}

function probesOf(
  spec: Spec,
  op: OperationSpec,
  email: string,
  rejects: (op: OperationSpec, body: unknown) => boolean,
): Probe[] {
  const query = validQuery(op);
  const needsId = op.pathParams.length > 0;
  const example = op.pathParams[0]?.example;
  const base = {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    ...(op.body ? { contentType: op.body.contentType } : {}),
    ...(typeof example === "string" ? { exampleId: example } : {}),
    ...(Object.keys(query).length ? { query } : {}),
  };
  const body = validBody(spec, op, email);
  const probe = (check: string, withAuth: boolean, id: Probe["id"], sent: unknown): Probe => ({
    ...base,
    check,
    withAuth,
    id: needsId ? id : "none",
    ...(sent === undefined ? {} : { body: sent }),
  });
  const bad = op.body ? BAD_BODY_CANDIDATES.filter((candidate) => rejects(op, candidate)) : [];
  return [
    probe(CHECK.valid, true, "entity", body),
    probe(CHECK.noCredentials, false, "entity-or-example", body),
    ...bad.map((b) => probe(CHECK.badBody(b), true, "entity-or-example", b)),
  ];
}

/** The URL of a probe, or undefined when it needs an entity id nobody gave. */
export function urlOf(target: string, probe: Probe, entityId: string | undefined, dryRun: boolean): string | undefined {
  let id: string | undefined;
  if (probe.id !== "none") {
    id = entityId ?? (dryRun ? DRY_RUN_ENTITY_ID : probe.id === "entity-or-example" ? probe.exampleId : undefined);
    if (id === undefined) return undefined;
  }
  const value = id === DRY_RUN_ENTITY_ID ? id : encodeURIComponent(id ?? "");
  const query = probe.query ? `?${new URLSearchParams(probe.query)}` : "";
  return `${target}${probe.path.replace(/\{[^}]+\}/g, () => value)}${query}`;
}
