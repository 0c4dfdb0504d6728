import { defineConfig } from "vitest/config";
import { operationTag } from "./scripts/lib/coverage.ts";
import { loadSpec } from "./scripts/lib/spec.ts";

// One tag per operation of the spec: a contract test says which operation it is about with
// one (contract-tests/lib/harness.ts `about`), and the gate counts results by it. Tags are
// strict, so a tag naming no operation of the spec fails the run.
const operationTags = loadSpec().operations.map((op) => ({
  name: operationTag(op.operationId),
  description: `${op.method} ${op.path}`,
}));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          // one Prism for the whole run, started and killed here
          globalSetup: ["contract-tests/setup/prism.ts"],
          testTimeout: 20_000,
          hookTimeout: 40_000,
          tags: operationTags,
          strictTags: true,
        },
      },
    ],
  },
});
