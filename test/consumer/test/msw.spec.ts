// An app that already intercepts with MSW: leadconduit-client/msw's handlers in setupServer, the
// client on the global fetch.
import { createLeadConduitClient, type LeadConduitClient, RateLimitError } from "leadconduit-client";
import { leadconduitHandlers } from "leadconduit-client/msw";
import { createLeadConduitMock } from "leadconduit-client/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const mock = createLeadConduitMock({ apiKey: "msw-key" });
const server = setupServer(...leadconduitHandlers(mock));
// made before listen(): the client looks up the global fetch, which MSW replaces, at each call
const lc: LeadConduitClient = createLeadConduitClient({ apiKey: "msw-key", maxRetries: 0 });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.assertNoViolations();
  mock.reset();
});
afterAll(() => server.close());

it("answers through MSW, scripted answers included", async () => {
  const { entity } = await lc.invitations.createRecipient({ email: "a@example.com" });
  expect(entity.id).toBe("6d6f636b0000000000000001");
  mock.reply("resendInvitation", { status: 429, headers: { "retry-after": "120" } });
  const error = await lc.invitations.resend(entity.id).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect((error as RateLimitError).retryAfterMs).toBe(120_000);
  expect(mock.calls.map((c) => c.operationId)).toEqual(["createRecipientInvitation", "resendInvitation"]);
});
