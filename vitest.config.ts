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

/** The suite's targets and the built package: started or built the first time a test asks, once per run. */
const TARGETS_SETUP = "contract-tests/setup/targets.ts";
const PACKAGE_SETUP = "test/setup/package.ts";

export default defineConfig({
  test: {
    // On the 2 cores every machine here has, vitest's default is 1 worker: one file at a time,
    // though many of them mostly wait on a process (Prism, npm, tsc, a runtime). Three overlap
    // that waiting (test:vitest 81 s → 53 s, measured quiet). The contract suite's own run keeps
    // one (scripts/lib/contract/mock-gate.ts): Prism answers on one thread, so more workers only
    // load the suite again.
    maxWorkers: 3,
    projects: [
      {
        // Everything in-process: the client, the kit, the gate, the tooling's libraries, the
        // bench's logic, the docs. One module graph per worker thread for all its files (no isolation):
        // the tests leave no global behind, and each file no longer pays for loading Ajv,
        // TypeScript or the spec again.
        test: {
          name: "unit",
          include: [
            "test/{client,testing,gate,scripts,contract-tests,bench,spec,docs}/**/*.test.ts",
            "test/package/{size,testing-size,build-cache}.test.ts",
          ],
          pool: "threads",
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        // One module graph per worker thread (no isolation): the suite's files share the spec's
        // compiled validators and the targets' URLs, and leave no global behind.
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          pool: "threads",
          isolate: false,
          globalSetup: [TARGETS_SETUP],
          testTimeout: 20_000,
          hookTimeout: 60_000,
          tags: [...operationTags, ...targetTags],
          strictTags: true,
        },
      },
      {
        // The package as a consumer gets it: packed from a clean checkout, installed in an app,
        // its bin run against stand-in servers.
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          exclude: ["test/package/{size,testing-size,build-cache}.test.ts"],
          globalSetup: [TARGETS_SETUP, PACKAGE_SETUP],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The installed package on every runtime it supports.
        test: {
          name: "runtimes",
          include: ["test/runtimes/**/*.test.ts"],
          globalSetup: [TARGETS_SETUP, PACKAGE_SETUP],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
