// The kit through `require` (the package's "require" condition: dist/testing.cjs), with the
// client's CJS build, as a CommonJS test setup loads them.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

describe("require('leadconduit-client/testing')", () => {
  it("resolves to the CJS build and fakes the API for the CJS client", async () => {
    expect(require.resolve("leadconduit-client/testing")).toMatch(
      /\/node_modules\/leadconduit-client\/dist\/testing\.cjs$/,
    );
    const kit = require("leadconduit-client/testing") as typeof import("leadconduit-client/testing");
    const client = require("leadconduit-client") as typeof import("leadconduit-client");
    const mock = kit.createLeadConduitMock({ apiKey: "cjs-key" });
    const lc = client.createLeadConduitClient({ apiKey: "cjs-key", fetch: mock.fetch, maxRetries: 0 });
    const { entity } = await lc.invitations.createSource({ email: "a@example.com" });
    expect(entity.id).toBe("6d6f636b0000000000000001");
    mock.reply("resendInvitation", { status: 401 });
    await expect(lc.invitations.resend(entity.id)).rejects.toBeInstanceOf(client.AuthenticationError);
    expect(kit.makeEntity({ name: "CJS" }).name).toBe("CJS");
    expect(() => kit.makeEntity({ id: "x" })).toThrow(kit.LeadConduitMockError);
    mock.assertNoViolations();
  });
});
