// Size budget of the client's main entry, everything bundled (openapi-fetch included), minified and
// gzipped (esbuild, pinned, so the figures are deterministic), and of each module in it, so that a
// regression names its cause. Budgets come from `npm run bench` (section 4) plus a little room,
// and what the spec generates grows with the spec (test/support/size-budget.ts); raising one is a
// decision to make in review, not a number to bump quietly.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSizeByModule, CLIENT_MODULES } from "../../scripts/lib/size.ts";
import { followingTheSpec } from "../support/size-budget.ts";

const ENTRY = fileURLToPath(new URL("../../src/client/index.ts", import.meta.url));
// measured 11,947 on 2026-12-03 (13,984 before the validators got lean; 10,260 before the
// typed methods, request ids, the User-Agent, the logger and report mode's unlisted-field check);
// a spec that grew by 4,882 bytes (5 operations) added 511
const BUDGET_GZIP_BYTES = followingTheSpec(12_200, 0.15);
/** Minified bytes each module puts in the bundle (exact: esbuild's count), measured + ~3%. */
const MODULE_BUDGETS: Record<string, number> = {
  // measured 20,675 (38,617 before); the spec grown by 4,882 bytes added 3,103
  "validators (generated/validators.js)": followingTheSpec(21_300, 1),
  "openapi-fetch": 6_850, // measured 6,625
  "src/client": 17_500, // measured 16,961
};

describe("bundle size budget", async () => {
  const size = await bundledSizeByModule(ENTRY, CLIENT_MODULES);

  it(`the ESM entry stays under ${BUDGET_GZIP_BYTES} bytes min+gzip`, () => {
    expect(size.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  for (const [name, budget] of Object.entries(MODULE_BUDGETS)) {
    it(`${name} puts at most ${budget} bytes into it, minified`, () => {
      expect(size.parts.find((p) => p.name === name)?.minified).toBeLessThanOrEqual(budget);
    });
  }

  it("accounts for every byte: the modules and the rest add up to the bundle", () => {
    expect(size.parts.reduce((sum, p) => sum + p.minified, 0)).toBe(size.minified);
    expect(size.parts.every((p) => p.minified > 0)).toBe(true);
  });
});
