import { defineConfig } from "vitest/config";
import { operationTag, targetTag } from "./contract-tests/lib/records.ts";
import { spec } from "./contract-tests/lib/spec.ts";
import { TARGETS } from "./contract-tests/lib/targets.ts";

// One tag per operation of the spec: a contract test says which operation it is about with
// one (contract-tests/lib/harness.ts `about`), and the gate counts results by it. Tags are
// strict, so a tag naming no operation of the spec fails the run.
const operationTags = spec.operations.map((op) => ({
  name: operationTag(op.operationId),
  description: `${op.method} ${op.path}`,
}));
// and one per target of the suite (contract-tests/lib/targets.ts), which each test carries too
const targetTags = TARGETS.map((t) => ({ name: targetTag(t.name), description: t.about }));

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
          include: [
            "test/gate/**/*.test.ts",
            "test/scripts/**/*.test.ts",
            "test/contract-tests/**/*.test.ts",
            "test/bench/**/*.test.ts",
            "test/spec/**/*.test.ts",
            "test/package/**/*.test.ts",
          ],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          // every target (Prism, the mock's server) once for the whole run, started and stopped here
          globalSetup: ["contract-tests/setup/targets.ts"],
          testTimeout: 20_000,
          hookTimeout: 40_000,
          tags: [...operationTags, ...targetTags],
          strictTags: true,
        },
      },
    ],
  },
});
