// What the engine finds: one change per rule and place in the spec, naming every operation that
// reaches it. A component met from several operations (InvitationRequest, behind both create
// calls) is one change, not one per operation: it is one edit with one fix, one line of the
// changelog, and the list of operations says how far it reaches.
import type { Place, SpecDocument } from "./document.ts";
import { RULES, type RuleId, ruleOf, type Section, type Side, VERDICTS, type Verdict } from "./rules.ts";

export interface Change {
  rule: RuleId;
  verdict: Verdict;
  /** where a client meets it: `request` or `response` for the rules of both sides */
  side: Side;
  section: Section;
  /** what changed, told by the place a reader knows: `` `InvitationRequest.company`: new required property `` */
  message: string;
  /** JSON pointer of the change in the revision, or in the base for what was removed */
  pointer: string;
  in: "base" | "revision";
  /** line of `pointer` in its document */
  line?: number;
  /** `POST /invitations/recipient`, … (empty for changes of the document itself) */
  operations: string[];
}

/** What the walk knows as it goes: both documents, the side it is on, the operation it is in. */
export interface DiffContext {
  before: SpecDocument;
  after: SpecDocument;
  side: "request" | "response" | "document";
  operation?: string;
  out: ChangeSet;
  /** the schema pairs the walk is inside, so that a recursive schema ends */
  inside: Set<string>;
}

export class ChangeSet {
  readonly #changes = new Map<string, Change>();
  /** how many times a rule fired, merged or not: a walk counts what it found below a node */
  emitted = 0;

  add(ctx: DiffContext, rule: RuleId, place: Place, what: string, from: "base" | "revision" = "revision"): void {
    this.emitted++;
    const { verdict, section, side: ruleSide } = ruleOf(rule);
    const side: Side = ruleSide === "both" ? ctx.side : ruleSide;
    const message = place.label ? `\`${place.label}\`: ${what}` : what;
    // a rule with one verdict for both sides is one change wherever it is met
    const key = `${rule}\n${ruleSide === "both" ? "" : side}\n${from}\n${place.pointer}\n${message}`;
    const known = this.#changes.get(key);
    if (known && known.side !== side) known.side = "both";
    const change = known ?? { rule, verdict, side, section, message, pointer: place.pointer, in: from, operations: [] };
    if (ctx.operation && !change.operations.includes(ctx.operation)) change.operations.push(ctx.operation);
    if (!known) this.#changes.set(key, change);
  }

  /** Every change, breaking first, then in the order of the rule table; with lines. */
  list(before: SpecDocument, after: SpecDocument): Change[] {
    const order = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
    const rank = (c: Change) => VERDICTS.indexOf(c.verdict) * 1000 + order.get(c.rule)!;
    const all = [...this.#changes.values()];
    // a place one side sees restated while the other sees it change is not a restatement
    const judged = all.filter((c) => c.rule !== "restatement").map((c) => c.pointer);
    const under = (c: Change) => judged.some((p) => p === c.pointer || p.startsWith(`${c.pointer}/`));
    return all
      .filter((c) => c.rule !== "restatement" || !under(c))
      .map((c) => {
        const line = (c.in === "base" ? before : after).lineOf(c.pointer);
        return line === undefined ? c : { ...c, line };
      })
      .sort((a, b) => rank(a) - rank(b) || a.pointer.localeCompare(b.pointer) || a.message.localeCompare(b.message));
  }
}

/** Runs `walk` and says whether it reported anything. */
export function found(ctx: DiffContext, walk: () => void): boolean {
  const before = ctx.out.emitted;
  walk();
  return ctx.out.emitted > before;
}
