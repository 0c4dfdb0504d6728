// Size budget of the ESM entry, everything bundled, minified and gzipped (esbuild, pinned, so
// the figure is deterministic). Budgets come from `npm run bench` (section 4) plus ~10% room;
// raising one is a decision to make in review, not a number to bump quietly.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSize } from "../../scripts/lib/size.ts";

const ENTRY = fileURLToPath(new URL("../../src/client/index.ts", import.meta.url));
const BUDGET_GZIP_BYTES = 14_000; // measured 13,380 on 2026-11-26 (typed errors, "report" mode, the envelope check, the direct fetch path)
const BUDGET_GZIP_BYTES_WITHOUT_VALIDATORS = 8_000; // measured 7,478

describe("bundle size budget", () => {
  it(`the ESM entry stays under ${BUDGET_GZIP_BYTES} bytes min+gzip`, async () => {
    const { gzip } = await bundledSize(ENTRY);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it(`without the precompiled validators it stays under ${BUDGET_GZIP_BYTES_WITHOUT_VALIDATORS} bytes`, async () => {
    const { gzip } = await bundledSize(ENTRY, { stubValidators: true });
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES_WITHOUT_VALIDATORS);
  });
});
