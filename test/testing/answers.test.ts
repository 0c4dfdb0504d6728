// With nothing scripted the mock answers like the API: 200 with a body valid against the spec
// (checked here by Ajv compiled from the spec file, not by the kit's own validators), built from
// the spec's examples, a fresh id for each created entity, the same entity for the same create.
import { describe, expect, it } from "vitest";
import { exampleTarget, validCase } from "../../contract-tests/lib/requests.ts";
import { firstExample, operationsAt, successResponse } from "../../contract-tests/lib/spec.ts";
import { successStatus } from "../../contract-tests/lib/targets.ts";
import { createLeadConduitClient } from "../../src/client/index.ts";
import { createLeadConduitMock } from "../../src/testing/index.ts";
import { AUTH, ENTITY_ID, JSON_HEADERS, KEY, send, spec, specErrors } from "../support/kit.ts";

/** A path no operation of the spec has. */
const NOWHERE = "/no-such-resource";

/** A body with the ids the mock fills in taken out: a created entity's fresh ids, the id the path names. */
function withoutIds(body: unknown): unknown {
  const entity = (body as { entity?: Record<string, unknown> } | null)?.entity;
  if (!entity) return body;
  const { id: _id, invitation_id: _invitation, ...rest } = entity;
  return { ...(body as object), entity: rest };
}

const setup = () => {
  const mock = createLeadConduitMock({ apiKey: KEY });
  const lc = createLeadConduitClient({ apiKey: KEY, fetch: mock.fetch, validateResponses: true });
  return { mock, lc };
};

describe("usual answers", () => {
  it.each(spec.operations.map((op) => [op.operationId, op] as const))(
    "%s answers its first documented 2xx, with the spec's example where it has content",
    async (operationId, op) => {
      const mock = createLeadConduitMock({ apiKey: KEY });
      const valid = validCase(op);
      const res = await send(mock, {
        method: op.method,
        path: exampleTarget(op),
        headers: valid.body === undefined ? { authorization: AUTH } : JSON_HEADERS,
        ...(typeof valid.body === "string" ? { body: valid.body } : {}),
      });
      expect(res.status).toBe(successStatus(op));
      expect(mock.violations).toEqual([]);
      const example = firstExample(successResponse(op));
      if (example === undefined || op.method === "HEAD") {
        expect(res.text).toBe("");
        return;
      }
      expect(res.contentType).toBe("application/json");
      expect(specErrors(operationId, res.status, res.json)).toEqual([]);
      // the example, except for the ids the mock fills in (a created entity's, the path's)
      expect(withoutIds(res.json)).toEqual(withoutIds(example));
    },
  );

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

  it("answers HEAD without a body, even where its answer has one (a 404 problem)", async () => {
    expect(operationsAt(NOWHERE)).toEqual([]);
    const mock = createLeadConduitMock({ apiKey: KEY });
    const res = await mock.fetch(NOWHERE, { method: "HEAD", headers: { authorization: AUTH } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
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
