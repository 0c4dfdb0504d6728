// Size budget of the testing entry (leadconduit-client/testing), everything bundled, minified
// and gzipped, as test/size.test.ts measures the client's (whose budget this entry does not
// touch: the client never imports the kit). Most of it is the spec's validators, compiled with
// full format checks. Raising the budget is a decision to make in review.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSize } from "../../scripts/lib/size.ts";

const ENTRY = fileURLToPath(new URL("../../src/testing/index.ts", import.meta.url));
const BUDGET_GZIP_BYTES = 12_500; // measured 12,083 on 2026-12-03 (12,740 on 2026-11-26)

describe("testing entry size budget", () => {
  it(`stays under ${BUDGET_GZIP_BYTES} bytes min+gzip`, async () => {
    const { gzip } = await bundledSize(ENTRY);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
