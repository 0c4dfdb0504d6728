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
        // The client and the testing kit: in-process, real HTTP over loopback at most, timers on
        // a fake clock. Needs nothing but node_modules.
        test: {
          name: "client",
          include: ["test/client/**/*.test.ts", "test/testing/**/*.test.ts"],
        },
      },
      {
        // The tooling: the gate, its CLI and reports, the bench, the docs page, the bundle size.
        // Starts Chromium, git, Redocly, esbuild, the TypeScript compiler and child processes.
        test: {
          name: "tooling",
          include: ["test/tooling/**/*.test.ts"],
          testTimeout: 30_000,
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
