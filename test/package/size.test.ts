// Size budget of the client's main entry, everything bundled (openapi-fetch included), minified and
// gzipped (esbuild, pinned, so the figures are deterministic), and of each module in it, so that a
// regression names its cause. Budgets come from `npm run bench` (section 4) plus a little room;
// raising one is a decision to make in review, not a number to bump quietly.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLIENT_MODULES } from "../../bench/size.ts";
import { bundledSizeByModule } from "../../scripts/lib/size.ts";

const ENTRY = fileURLToPath(new URL("../../src/client/index.ts", import.meta.url));
// measured 10,260 on 2026-12-03 (13,984 before: ajv-formats bundled, Ajv's params, CommonJS output)
const BUDGET_GZIP_BYTES = 10_500;
/** Minified bytes each module puts in the bundle (exact: esbuild's count), measured + ~3%. */
const MODULE_BUDGETS: Record<string, number> = {
  "validators (generated/validators.js)": 19_000, // measured 18,360 (38,617 before)
  "src/client": 14_500, // measured 14,026
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
