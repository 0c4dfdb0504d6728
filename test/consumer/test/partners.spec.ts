// The app's tests of its own code, faking LeadConduit with leadconduit-client/testing (ESM).
import { ConnectionError, createLeadConduitClient, TimeoutError } from "leadconduit-client";
import {
  ContractViolationError,
  createLeadConduitMock,
  LeadConduitMockError,
  makeEntity,
  makeInvitationResponse,
} from "leadconduit-client/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { invitePartner } from "../src/partners.js";

const mock = createLeadConduitMock({ apiKey: "test-key" });
const lc = createLeadConduitClient({ apiKey: "test-key", fetch: mock.fetch });

beforeEach(() => mock.reset());
afterEach(() => mock.assertNoViolations());

describe("invitePartner", () => {
  it("invites a buyer: the entity the API answers, what was sent", async () => {
    const result = await invitePartner(lc, "buyer", "mike.jones@example.com");
    expect(result).toEqual({ outcome: "invited", entityId: "6d6f636b0000000000000001", pending: true });
    expect(mock.calls).toEqual([
      expect.objectContaining({ operationId: "createRecipientInvitation", body: { email: "mike.jones@example.com" } }),
    ]);
    expect(mock.calls[0]?.headers.authorization).toBe("Basic [REDACTED]");
  });

  it("says try-later on a 429 the client gave up on", async () => {
    mock.reply("createSourceInvitation", { status: 429, headers: { "retry-after": "0" } }, { times: 3 });
    expect(await invitePartner(lc, "seller", "seller@example.com")).toEqual({ outcome: "try-later", retryAfterMs: 0 });
    expect(mock.calls).toHaveLength(3);
  });

  it("says misconfigured when the key is wrong", async () => {
    const wrong = createLeadConduitClient({ apiKey: "not-the-key", fetch: mock.fetch });
    expect(await invitePartner(wrong, "buyer", "a@example.com")).toEqual({ outcome: "misconfigured" });
  });

  it("reports an entity that is already connected, from a fixture", async () => {
    mock.reply("createRecipientInvitation", {
      status: 200,
      body: makeInvitationResponse({
        entity: makeEntity({ id: "0123456789abcdef01234567", pending: false, connected: "buyer" }),
      }),
    });
    expect(await invitePartner(lc, "buyer", "a@example.com")).toEqual({
      outcome: "invited",
      entityId: "0123456789abcdef01234567",
      pending: false,
    });
  });

  it("lets connection failures and timeouts through", async () => {
    const once = createLeadConduitClient({ apiKey: "test-key", fetch: mock.fetch, timeoutMs: 20, maxRetries: 0 });
    mock.fail("createRecipientInvitation", "network");
    await expect(invitePartner(once, "buyer", "a@example.com")).rejects.toBeInstanceOf(ConnectionError);
    mock.fail("createRecipientInvitation", "timeout");
    await expect(invitePartner(once, "buyer", "a@example.com")).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("the kit keeps the app honest", () => {
  it("a request that breaks the spec is a violation", async () => {
    await lc.raw.POST("/invitations/recipient", { body: { email: "not an email" } });
    expect(() => mock.assertNoViolations()).toThrow(ContractViolationError);
  });

  it("a scripted answer the API could never send is refused where it is written", () => {
    expect(() => mock.reply("resendInvitation", { status: 200, body: { message: "ok" } })).toThrow(
      LeadConduitMockError,
    );
    expect(() => makeEntity({ id: "42" })).toThrow(/\/id must match pattern/);
  });

  it("resolves the package's import condition", () => {
    expect(import.meta.resolve("leadconduit-client/testing")).toMatch(
      /\/node_modules\/leadconduit-client\/dist\/testing\.mjs$/,
    );
  });
});
