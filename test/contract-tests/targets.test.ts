// The contract suite's target table is consistent with the suite: every datum names a real case,
// mode or difference, differs from what the spec calls for (else it would not be there), and
// every difference is used; every target can be asked for every documented status; the
// allowances of the agreement check make the known differences equal and nothing else; and the
// docs list every difference (a block npm run generate writes from this table).
import { describe, expect, it } from "vitest";
import { VIOLATIONS_HEADER } from "../../contract-tests/lib/mock-server.ts";
import { MODES } from "../../contract-tests/lib/records.ts";
import { differenceCases, type RawCase, refusalCases, validCase } from "../../contract-tests/lib/requests.ts";
import { operationOf, spec } from "../../contract-tests/lib/spec.ts";
import {
  type Answer,
  DIFFERENCES,
  type DifferenceId,
  normalised,
  REFERENCE,
  statusOn,
  TARGETS,
  WRONG_KEY,
} from "../../contract-tests/lib/targets.ts";

const op = (id: string) => operationOf(spec, id);
const casesOf = (cases: (o: (typeof spec.operations)[number]) => RawCase[]) => spec.operations.flatMap((o) => cases(o));
const target = (name: string) => TARGETS.find((t) => t.name === name)!;

describe("the target table", () => {
  it("names each target once, as a tag can carry it, with its own key; the reference is one of them", () => {
    const names = TARGETS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
    const keys = [...TARGETS.map((t) => t.apiKey), WRONG_KEY];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key.length).toBeGreaterThanOrEqual(16);
    expect(TARGETS[0]).toBe(REFERENCE);
  });

  it("gives another status only for a case the suite sends, never the status the spec already calls for", () => {
    const sent = new Map(
      [...casesOf(refusalCases), ...casesOf(differenceCases), ...casesOf((o) => [validCase(o)])].map((c) => [
        c.name,
        c,
      ]),
    );
    for (const t of TARGETS) {
      for (const [name, own] of Object.entries(t.statusOf)) {
        expect(sent.has(name), `${t.name}: no case is named "${name}"`).toBe(true);
        expect(own.status, `${t.name} "${name}"`).not.toBe(sent.get(name)!.expected);
        expect(Object.keys(DIFFERENCES)).toContain(own.because);
      }
    }
  });

  it("has a case among the known differences only where the targets do answer it differently", () => {
    for (const op of spec.operations)
      for (const c of differenceCases(op)) {
        expect(new Set(TARGETS.map((t) => statusOn(t, c, op))).size, c.name).toBeGreaterThan(1);
      }
  });

  it("uses every difference it lists, and each says what each target does and why", () => {
    const used = new Set<DifferenceId>();
    for (const t of TARGETS) {
      for (const own of Object.values(t.statusOf)) used.add(own.because);
      for (const n of Object.values(t.notApplicable)) used.add(n!.because);
      used.add(t.names.because);
    }
    for (const [id, d] of Object.entries(DIFFERENCES)) {
      // a family is used by the property test, which fails on a family nothing generated needs
      expect(used.has(id as DifferenceId) || "normalise" in d || "family" in d, `${id} is used by nothing`).toBe(true);
      for (const field of [d.what, d.prism, d.mock, d.why]) expect(field.trim(), id).not.toBe("");
    }
  });

  it("lets every target be asked for every documented status (static mode covers each documented pair on each)", () => {
    for (const t of TARGETS) {
      expect(t.notApplicable.static, `${t.name} must run static`).toBeUndefined();
      for (const o of spec.operations)
        for (const r of o.responses)
          expect(t.ask(Number(r.status), o), `${t.name} ${o.operationId} ${r.status}`).toBeDefined();
      for (const mode of Object.keys(t.notApplicable)) expect(MODES).toContain(mode);
    }
  });

  it("reads what each target said: Prism's sl-violations, the mock's violations header, nothing when absent", () => {
    const prismSaid = new Response(null, {
      headers: {
        "sl-violations": JSON.stringify([
          { location: ["request"], message: "Invalid security scheme used" },
          { location: ["response", "body"], message: "bad" },
        ]),
      },
    });
    expect(target("prism").said(prismSaid)).toEqual([
      { where: "request", what: "request: Invalid security scheme used" },
      { where: "response", what: "response.body: bad" },
    ]);
    const mockSaid = new Response(null, {
      headers: { [VIOLATIONS_HEADER]: JSON.stringify([{ path: "body/email", message: "is required" }]) },
    });
    expect(target("mock").said(mockSaid)).toEqual([{ where: "request", what: "body/email: is required" }]);
    for (const t of TARGETS) expect(t.said(new Response(null))).toEqual([]);
  });
});

describe("normalised: the agreement check's allowances", () => {
  const validation = (name: string) => [
    {
      location: ["path", name],
      severity: "Error",
      code: "pattern",
      message: `Request path parameter ${name} must match pattern`,
    },
  ];
  const problem = (detail: string, name: string): Answer => ({
    status: 422,
    contentType: "application/problem+json",
    body: {
      type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
      title: "Invalid request",
      status: 422,
      detail,
      validation: validation(name),
    },
  });
  const resend = op("resendInvitation");

  it("makes Prism's and the mock's 422 equal (detail sentence, parameter name case), and nothing else", () => {
    expect(normalised(problem("Prism is generating this error", "entityid"), resend)).toEqual(
      normalised(problem("the mock refuses it", "entityId"), resend),
    );
    const otherCode = problem("x", "entityId");
    (otherCode.body as { validation: { code: string }[] }).validation[0]!.code = "required";
    expect(normalised(otherCode, resend)).not.toEqual(normalised(problem("x", "entityId"), resend));
    const otherType = {
      ...problem("x", "entityId"),
      body: { ...(problem("x", "entityId").body as object), type: "other" },
    };
    expect(normalised(otherType, resend)).not.toEqual(normalised(problem("x", "entityId"), resend));
  });

  it("allows fresh ids only in a create's 2xx entity", () => {
    const entity = (id: string) => ({
      status: 200,
      contentType: "application/json",
      body: { message: "m", entity: { id, invitation_id: id, name: "A" } },
    });
    const create = op("createRecipientInvitation");
    expect(normalised(entity("5fd4371e940df5a34a3888b2"), create)).toEqual(
      normalised(entity("6d6f636b0000000000000001"), create),
    );
    expect(normalised(entity("5fd4371e940df5a34a3888b2"), resend)).not.toEqual(
      normalised(entity("6d6f636b0000000000000001"), resend),
    );
    const renamed = entity("5fd4371e940df5a34a3888b2");
    (renamed.body.entity as { name: string }).name = "B";
    expect(normalised(renamed, create)).not.toEqual(normalised(entity("5fd4371e940df5a34a3888b2"), create));
  });

  it("leaves status, Content-Type and other bodies alone", () => {
    const a: Answer = { status: 404, contentType: "application/problem+json", body: { detail: "x" } };
    expect(normalised(a, resend)).toEqual(a);
    expect(normalised({ ...a, contentType: "application/json" }, resend)).not.toEqual(normalised(a, resend));
  });
});
