// With nothing scripted the mock answers like the API: 200 with a body valid against the spec
// (checked here by Ajv compiled from the spec file, not by the kit's own validators), built from
// the spec's examples, a fresh id for each created entity, the same entity for the same create.
import { describe, expect, it } from "vitest";
import { firstExample, successResponse } from "../../contract-tests/lib/spec.ts";
import { createLeadConduitClient } from "../../src/client/index.ts";
import { createLeadConduitMock } from "../../src/testing/index.ts";
import { AUTH, ENTITY_ID, JSON_HEADERS, KEY, operation, send, spec, specErrors } from "../support/kit.ts";

const setup = () => {
  const mock = createLeadConduitMock({ apiKey: KEY });
  const lc = createLeadConduitClient({ apiKey: KEY, fetch: mock.fetch, validateResponses: true });
  return { mock, lc };
};

describe("usual answers", () => {
  it("covers every operation of the spec", () => {
    expect(spec.operations.map((o) => o.operationId).sort()).toEqual(
      ["createRecipientInvitation", "createSourceInvitation", "resendInvitation"].sort(),
    );
  });

  it.each([
    ["createRecipientInvitation", "POST", "/invitations/recipient"],
    ["createSourceInvitation", "POST", "/invitations/source"],
    ["resendInvitation", "PUT", `/invitations/${ENTITY_ID}/resend`],
  ] as const)("%s answers 200 with a spec-valid body from the spec's example", async (operationId, method, path) => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const op = operation(operationId);
    const res = await send(mock, {
      method,
      path,
      headers: op.body ? JSON_HEADERS : { authorization: AUTH },
      ...(op.body ? { body: JSON.stringify({ email: "mike.jones@example.com" }) } : {}),
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("application/json");
    expect(specErrors(operationId, 200, res.json)).toEqual([]);
    // the example, except for the ids the mock gives a created entity
    const example = firstExample(successResponse(op)) as { message: string; entity: Record<string, unknown> };
    const { entity, message } = res.json as typeof example;
    expect(message).toBe(example.message);
    const { id: _id, invitation_id: _inv, ...rest } = entity;
    const { id: _eid, invitation_id: _einv, ...exampleRest } = example.entity;
    expect(rest).toEqual(exampleRest);
    expect(mock.violations).toEqual([]);
  });

  it("gives each created entity fresh valid ids, counted up (deterministic)", async () => {
    const { lc } = setup();
    const a = await lc.invitations.createRecipient({ email: "a@example.com" });
    const b = await lc.invitations.createSource({ email: "b@example.com" });
    const c = await lc.invitations.createRecipient({ email: "c@example.com" });
    expect([a, b, c].map((r) => r.entity.id)).toEqual([
      "6d6f636b0000000000000001",
      "6d6f636b0000000000000002",
      "6d6f636b0000000000000003",
    ]);
    expect([a, b, c].map((r) => r.entity.invitation_id)).toEqual([
      "696e76690000000000000001",
      "696e76690000000000000002",
      "696e76690000000000000003",
    ]);
    for (const r of [a, b, c]) expect(specErrors("createRecipientInvitation", 200, r)).toEqual([]);
    expect(a.entity.recipient).toBe("buyer");
    expect(b.entity.source).toBe("seller");
  });

  it("a second mock counts from 1 again: mocks share nothing", async () => {
    const first = setup();
    await first.lc.invitations.createRecipient({ email: "a@example.com" });
    const second = setup();
    const res = await second.lc.invitations.createRecipient({ email: "a@example.com" });
    expect(res.entity.id).toBe("6d6f636b0000000000000001");
  });

  it("answers the same create again with the same entity, as the API answers an existing invitation", async () => {
    const { lc } = setup();
    const first = await lc.invitations.createRecipient({ email: "a@example.com" });
    const again = await lc.invitations.createRecipient({ email: "a@example.com" });
    const other = await lc.invitations.createSource({ email: "a@example.com" });
    expect(again).toEqual(first);
    expect(other.entity.id).not.toBe(first.entity.id);
  });

  it("resend answers about the entity named in the path: a created one, else the example with that id", async () => {
    const { lc } = setup();
    const created = await lc.invitations.createSource({ email: "a@example.com" });
    const resent = await lc.invitations.resend(created.entity.id);
    expect(resent.entity).toEqual(created.entity);
    const unknown = await lc.invitations.resend("0123456789abcdef01234567");
    expect(unknown.entity.id).toBe("0123456789abcdef01234567");
    expect(unknown.entity.name).toBe("C Media");
    expect(specErrors("resendInvitation", 200, unknown)).toEqual([]);
  });

  it("hands out copies: changing an answer changes nothing the mock keeps", async () => {
    const { lc } = setup();
    const created = await lc.invitations.createRecipient({ email: "a@example.com" });
    (created.entity as { name: string }).name = "changed";
    const resent = await lc.invitations.resend(created.entity.id);
    expect(resent.entity.name).toBe("A Corporation");
  });

  it("works as a global fetch and with a path alone", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const res = await mock.fetch("/invitations/recipient", {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: "a@example.com" }),
    });
    expect(res.status).toBe(200);
    const url = await mock.fetch(new URL(`https://app.leadconduit.com/invitations/${ENTITY_ID}/resend`), {
      method: "PUT",
      headers: { authorization: AUTH },
    });
    expect(url.status).toBe(200);
  });

  it("answers HEAD without a body", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const res = await mock.fetch("/invitations/recipient", { method: "HEAD", headers: { authorization: AUTH } });
    expect(res.status).toBe(405);
    expect(await res.text()).toBe("");
  });
});

describe("base URL", () => {
  it("defaults to the spec's server", () => {
    const [server] = spec.document.servers as { url: string }[];
    expect(createLeadConduitMock({ apiKey: KEY }).baseUrl).toBe(server!.url);
  });

  it("answers any origin; with a base path, only the path below it counts", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY, baseUrl: "https://proxy.example.com/lc/" });
    expect(mock.baseUrl).toBe("https://proxy.example.com/lc");
    const lc = createLeadConduitClient({ apiKey: KEY, baseUrl: "http://localhost:1234/lc", fetch: mock.fetch });
    const res = await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(res.entity.id).toBe("6d6f636b0000000000000001");
    expect(mock.calls[0]).toMatchObject({ operationId: "createRecipientInvitation", path: "/invitations/recipient" });
    // the app forgot the prefix: not below the base, so no operation
    const outside = await mock.fetch("http://localhost:1234/invitations/recipient", {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: "a@example.com" }),
    });
    expect(outside.status).toBe(404);
    expect(mock.violations).toEqual([
      expect.objectContaining({
        operationId: undefined,
        path: "url",
        message: "/invitations/recipient is not below the base URL",
        status: 404,
      }),
    ]);
  });

  it("handle() takes a base URL per request", async () => {
    const mock = createLeadConduitMock({ apiKey: KEY });
    const request = new Request("https://other.example.com/v1/invitations/recipient", {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ email: "a@example.com" }),
    });
    const res = await mock.handle(request, { baseUrl: "https://other.example.com/v1" });
    expect(res.status).toBe(200);
  });
});
