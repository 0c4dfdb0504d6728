// The typed methods are the spec's operations, named by one rule (scripts/lib/generate/methods.ts)
// that keeps the names clients already call, typed from generated/ by operation: today's three
// methods take and resolve to what they did, positional path parameters, a body only where the
// spec takes one, and the last argument is always this call's options.
import { describe, expect, expectTypeOf, it } from "vitest";
import { spec } from "../../contract-tests/lib/spec.ts";
import { methods } from "../../generated/api.js";
import {
  API_VERSION,
  createLeadConduitClient,
  type Entity,
  type InvitationRequest,
  type InvitationResponse,
  type LeadConduitClient,
  type RequestOptions,
} from "../../src/client/index.ts";

describe("the typed methods", () => {
  it("keep the names clients call today (an operation the spec adds comes beside them)", () => {
    expect(Object.keys(methods)).toContain("invitations");
    expect(Object.keys(methods.invitations)).toEqual(
      expect.arrayContaining(["createRecipient", "createSource", "resend"]),
    );
  });

  it("are one per operation of the spec, each on the resource of its tag", () => {
    const named = Object.values(methods).flatMap((group) => Object.values(group).map((m) => m.operationId));
    expect(named.sort()).toEqual(spec.operations.map((op) => op.operationId).sort());
    const lc = createLeadConduitClient({ apiKey: "k" });
    for (const [resource, group] of Object.entries(methods))
      for (const name of Object.keys(group))
        expect(typeof (lc as unknown as Record<string, Record<string, unknown>>)[resource]![name]).toBe("function");
  });

  it("take positional path parameters, a body only where the spec takes one, then this call's options", () => {
    type Client = LeadConduitClient["invitations"];
    expectTypeOf<Client["createRecipient"]>().parameters.toEqualTypeOf<
      [body: InvitationRequest, options?: RequestOptions]
    >();
    expectTypeOf<Client["resend"]>().parameters.toEqualTypeOf<[entityId: string, options?: RequestOptions]>();
    expectTypeOf<Client["createSource"]>().returns.resolves.toEqualTypeOf<InvitationResponse>();
    expectTypeOf<Awaited<ReturnType<Client["resend"]>>["entity"]>().toEqualTypeOf<Entity>();
  });

  it("send what each argument stands for, where the spec puts it", async () => {
    const sent: { method: string; url: string; body: string | undefined }[] = [];
    const answer = JSON.stringify(Object.values(spec.operations[0]!.responses[0]!.examples["application/json"]!)[0]);
    const lc = createLeadConduitClient({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:9",
      fetch: async (url, init) => {
        sent.push({ method: init!.method!, url: String(url), body: init?.body as string | undefined });
        return new Response(answer, { headers: { "content-type": "application/json" } });
      },
    });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    await lc.invitations.resend("64b8f0f5e4b0c3a1d5e6f7a8", { timeoutMs: 5_000 });
    expect(sent).toEqual([
      { method: "POST", url: "http://127.0.0.1:9/invitations/recipient", body: '{"email":"a@example.com"}' },
      { method: "PUT", url: "http://127.0.0.1:9/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend", body: undefined },
    ]);
  });
});

it("API_VERSION is the spec's info.version", () => {
  expect(API_VERSION).toBe((spec.document.info as { version: string }).version);
});
