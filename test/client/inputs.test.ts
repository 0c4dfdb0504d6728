// Bad input is refused before any network I/O: ValidationError naming the field, zero requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLeadConduitClient,
  type InvitationRequest,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/client/index.ts";
import { BAD_EMAIL_INPUTS, BAD_ENTITY_IDS } from "../support/cases.ts";
import { type FaultServer, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

function setup(path: string) {
  const lc = createLeadConduitClient({ apiKey: "input-key", baseUrl: `${server.url}/${path}` });
  return { lc, requests: () => server.count(path) };
}

describe.each([
  ["createRecipient", "ok~recipient-inputs"],
  ["createSource", "ok~source-inputs"],
] as const)("%s refuses bad input before sending", (method, path) => {
  it.each(BAD_EMAIL_INPUTS)("%s", async (_what, input, field) => {
    const { lc, requests } = setup(path);
    const error = await lc.invitations[method](input as InvitationRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.attempts).toBe(0);
    expect(v.status).toBeUndefined();
    expect(v.violations.map((x) => x.path)).toContain(field);
    expect(v.message).toContain(field);
    expect(requests()).toBe(0);
  });

  it("a valid address still goes through", async () => {
    const { lc, requests } = setup(`${path}-valid`);
    await expect(lc.invitations[method]({ email: "mike.jones@example.com" })).resolves.toHaveProperty("entity");
    expect(requests()).toBe(1);
  });
});

describe("resend refuses an entityId that breaks its pattern", () => {
  it.each(BAD_ENTITY_IDS)("%s", async (_what, entityId) => {
    const { lc, requests } = setup("ok~resend-inputs");
    const error = await lc.invitations.resend(entityId as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations[0]!.path).toBe("path/entityId");
    expect((error as ValidationError).attempts).toBe(0);
    expect(requests()).toBe(0);
  });
});

describe("validateRequests: false", () => {
  it("sends what it is given and lets the server decide", async () => {
    const { lc, requests } = setup("unprocessable-422~no-validation");
    const error = await lc.invitations
      .createRecipient({ email: "not an address" }, { validateRequests: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).status).toBe(422);
    expect(requests()).toBe(1);
  });

  it("input that cannot be serialised is still a ValidationError, not a raw TypeError", async () => {
    const { lc, requests } = setup("ok~unserialisable");
    const error = await lc.invitations
      .createRecipient({ email: 10n } as unknown as InvitationRequest, { validateRequests: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(requests()).toBe(0);
  });
});
