// Size budget of the testing entry (leadconduit-client/testing), everything bundled, minified
// and gzipped, as test/package/size.test.ts measures the client's (whose budget this entry does not
// touch: the client never imports the kit). Most of it is the spec's validators, compiled with
// full format checks, so its budget grows with the spec (test/support/size-budget.ts). Raising the
// budget is a decision to make in review.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSize } from "../../scripts/lib/size.ts";
import { followingTheSpec } from "../support/size-budget.ts";

const ENTRY = fileURLToPath(new URL("../../src/testing/index.ts", import.meta.url));
// measured 13,341 on 2026-12-03 (12,083 before open enums, query parameters and documented
// statuses); a spec that grew by 4,882 bytes (5 operations) added 450
const BUDGET_GZIP_BYTES = followingTheSpec(13_700, 0.2);

describe("testing entry size budget", () => {
  it(`stays under ${BUDGET_GZIP_BYTES} bytes min+gzip`, async () => {
    const { gzip } = await bundledSize(ENTRY);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
