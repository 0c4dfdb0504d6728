import { defineConfig } from "vitest/config";

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
        },
      },
    ],
  },
});
