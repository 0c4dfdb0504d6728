// The property of contract-tests/property.test.ts, one generated request at a time. The request
// goes to the target under test (the kit's mock), and to the reference (Prism) unless a row of
// the target table says Prism exits on it. The two answers must agree (status, Content-Type,
// body, after the table's allowances), or differ as a row about this request says, with
// statuses the row allows. A request only the mock gets is held to its row's statuses (the
// RFC's answer). Where a row names a request the RFCs make the same (`sameAs`), the mock must
// answer that one alike. The mock always answers, and never with a 5xx.
import type { Probe } from "./probes.ts";
import { wireOf } from "./probes.ts";
import { parseBody } from "./requests.ts";
import { type OperationSpec, operationOf, spec } from "./spec.ts";
import { type Answer, type DifferenceId, FAMILIES, type Family, normalised, type Target } from "./targets.ts";
import { type Reply, sendWire, type WireRequest } from "./wire.ts";

/** The target under test (the kit's mock) and the reference (Prism), with their URLs. */
export interface PropertyTargets {
  target: { target: Target; url: string };
  reference: { target: Target; url: string };
}

/** What the property saw of one generated request; `sent` counts the HTTP requests it took. */
export type Outcome = { sent: number } & (
  | { kind: "agreed" }
  /** the targets differed as these rows say */
  | { kind: "explained"; rows: DifferenceId[] }
  /** sent to the target only: the reference exits on it, as these rows say */
  | { kind: "target only"; rows: DifferenceId[] }
);

/** A failure of the property; its message shows what was sent and answered. */
export class PropertyViolation extends Error {
  override name = "PropertyViolation";
}

type Matched = [DifferenceId, Family];

const allows = (statuses: Family["mock"] | Family["prism"], status: number, request: WireRequest): boolean =>
  statuses === undefined ||
  (typeof statuses === "function" ? statuses(request) : statuses === "exits" ? [] : statuses).includes(status);

/** The request as a failure shows it: the bytes sent to the target (the suite's output redacts its key). */
function describe(request: WireRequest): string {
  const body = Buffer.from(request.body);
  return [
    `${request.method} ${request.target}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    body.length ? `body (${body.length} bytes): ${JSON.stringify(body.toString("latin1"))}` : "no body",
  ].join("\n  ");
}

const show = (who: string, answer: Answer) =>
  `${who}: ${answer.status} ${answer.contentType ?? "(no content type)"} ${JSON.stringify(answer.body).slice(0, 600)}`;

async function ask(who: string, url: string, request: WireRequest): Promise<Answer> {
  const reply: Reply = await sendWire(url, request);
  if (reply.kind === "answer")
    return { status: reply.status, contentType: reply.contentType, body: parseBody(reply.text) };
  throw new PropertyViolation(
    `${who} gave no answer (${reply.error}); if it exited, the target table needs a family that says so, and the property must not send it such a request\n  ${describe(request)}`,
  );
}

/** An answer as two requests the RFCs make the same are compared: a refusal's detail repeats the request as sent. */
function comparable(answer: Answer, op: OperationSpec): Answer {
  const a = normalised(answer, op);
  if (a.status < 400 || a.body === null || typeof a.body !== "object") return a;
  const { detail: _detail, ...rest } = a.body as Record<string, unknown>;
  return { ...a, body: rest };
}

/** The target answers each request a matched row makes the same as this one (RFC equivalence) as it answered this one. */
async function checkSameAs(
  matched: Matched[],
  ours: Answer,
  toTarget: WireRequest,
  targets: PropertyTargets,
  op: OperationSpec,
): Promise<number> {
  let sent = 0;
  for (const [id, family] of matched) {
    const same = family.sameAs?.(toTarget);
    if (!same) continue;
    const answer = await ask(targets.target.target.name, targets.target.url, same);
    sent++;
    if (JSON.stringify(comparable(answer, op)) !== JSON.stringify(comparable(ours, op)))
      throw new PropertyViolation(
        `${id}: the RFCs make these two requests the same, and ${targets.target.target.name} answered them differently\n  ${describe(toTarget)}\n${show("answer", ours)}\n  ${describe(same)}\n${show("answer", answer)}`,
      );
  }
  return sent;
}

export async function checkProbe(probe: Probe, targets: PropertyTargets): Promise<Outcome> {
  const op = operationOf(spec, probe.operationId);
  const { target, reference } = targets;
  const toTarget = wireOf(probe, target.target.apiKey);
  const matched = FAMILIES.filter(([, f]) => f.has(toTarget, target.target.apiKey));
  const exits = matched.filter(([, f]) => f.prism === "exits");
  const toReference = wireOf(probe, reference.target.apiKey);
  // both at once, unless a row says the reference exits on it: it is then the target's alone
  const [ours, theirs] = await Promise.all([
    ask(target.target.name, target.url, toTarget),
    exits.length ? undefined : ask(reference.target.name, reference.url, toReference),
  ]);
  if (ours.status >= 500)
    throw new PropertyViolation(
      `${target.target.name} answered ${ours.status}\n  ${describe(toTarget)}\n${show(target.target.name, ours)}`,
    );
  if (!theirs) {
    const rows = exits.filter(([, f]) => allows(f.mock, ours.status, toTarget));
    if (!rows.length)
      throw new PropertyViolation(
        `${reference.target.name} exits on this request (${exits.map(([id]) => id).join(", ")}), so only ${target.target.name} got it, and it answered ${ours.status}, which the row does not allow\n  ${describe(toTarget)}\n${show(target.target.name, ours)}`,
      );
    const sent = 1 + (await checkSameAs(rows, ours, toTarget, targets, op));
    return { kind: "target only", rows: rows.map(([id]) => id), sent };
  }
  const [a, b] = [normalised(ours, op), normalised(theirs, op)];
  if (JSON.stringify(a) === JSON.stringify(b)) return { kind: "agreed", sent: 2 };
  const rows = matched.filter(
    ([, f]) => allows(f.prism, theirs.status, toReference) && allows(f.mock, ours.status, toTarget),
  );
  if (!rows.length)
    throw new PropertyViolation(
      `the targets differ and no row of the target table explains it (rows about this request: ${matched.map(([id]) => id).join(", ") || "none"})\n  ${describe(toTarget)}\n${show(target.target.name, a)}\n${show(reference.target.name, b)}`,
    );
  const sent = 2 + (await checkSameAs(rows, ours, toTarget, targets, op));
  return { kind: "explained", rows: rows.map(([id]) => id), sent };
}
