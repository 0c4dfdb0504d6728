// Size budget of the ESM entry, everything bundled, minified and gzipped (esbuild, pinned, so
// the figure is deterministic). Budgets come from `npm run bench` (section 4) plus ~10% room;
// raising one is a decision to make in review, not a number to bump quietly.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSize } from "../../scripts/lib/size.ts";

const ENTRY = fileURLToPath(new URL("../../src/client/index.ts", import.meta.url));
// raised for issue 18, to be weighed in review: before it 13,984 and 8,140 (the second budget was
// already exceeded by the typed methods); it added the undocumented-status check (+147), the
// unlisted-field check of "report" mode (+518, most of it generated) and requestId, the User-Agent
// and the logger (+894)
const BUDGET_GZIP_BYTES = 17_000; // measured 15,543 (typed errors and methods, "report" mode, the envelope check, the direct fetch path, logging)
const BUDGET_GZIP_BYTES_WITHOUT_VALIDATORS = 10_000; // measured 9,212

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
