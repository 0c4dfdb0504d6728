// The import rules of the repository, checked by `npm run lint:deps` (a step of `npm test`).
// Layers go one way: generated/ < src/ < contract-tests/ < scripts/, test/, bench/, config files.
// Inside src/, what ships to every runtime (the client, the testing kit) never imports the gate's
// CLI or Node's built-ins. No cycles, and no entry script is imported as a library.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "generated-imports-nothing-above",
      comment: "generated/ is what the spec produces; it stands on nothing the repository writes by hand",
      severity: "error",
      from: { path: "^generated/" },
      to: { path: "^(src|contract-tests|scripts|test|bench)/" },
    },
    {
      name: "src-imports-no-tooling",
      comment:
        "src/ is what ships: it may import generated/ and itself, never the suite, the tooling, tests or the bench",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(contract-tests|scripts|test|bench)/|^[^/]+\\.(ts|mts|cts|js|mjs|cjs)$" },
    },
    {
      name: "contract-tests-import-no-tooling",
      comment: "the suite stands on src/ and generated/; scripts, tests and the bench stand on it, not the other way",
      severity: "error",
      from: { path: "^contract-tests/" },
      to: { path: "^(scripts|test|bench)/|^[^/]+\\.(ts|mts|cts|js|mjs|cjs)$" },
    },
    {
      name: "scripts-import-no-tests",
      comment: "maintainer tooling does not reach into the tests or the bench",
      severity: "error",
      from: { path: "^scripts/" },
      to: { path: "^(test|bench)/" },
    },
    {
      name: "bench-imports-no-tests",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^test/" },
    },
    {
      name: "config-imports-no-tooling",
      comment: "a config file (vitest, tsdown) reads the layers below the tooling, never scripts/, tests or the bench",
      severity: "error",
      from: { path: "^[^/]+\\.(ts|mts|cts|js|mjs|cjs)$" },
      to: { path: "^(scripts|test|bench)/" },
    },
    {
      name: "shipped-code-imports-no-gate",
      comment: "the client and the testing kit run in browsers, Bun and Deno; the gate's CLI is Node-only",
      severity: "error",
      from: { path: "^src/(client|testing)/" },
      to: { path: "^src/gate/" },
    },
    {
      name: "client-imports-no-kit",
      severity: "error",
      from: { path: "^src/client/" },
      to: { path: "^src/testing/" },
    },
    {
      name: "shipped-code-imports-no-node-builtins",
      comment: "the client and the testing kit run where there is no node:*",
      severity: "error",
      from: { path: "^src/(client|testing)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "no-entry-imported",
      comment: "an entry script is a thin main over a library; import the library instead",
      severity: "error",
      from: {},
      to: { path: "^(scripts/[^/]+\\.ts|src/gate/bin\\.ts|bench/(index|worker)\\.ts)$" },
    },
    {
      name: "no-circular",
      comment: "no import cycle, inside a folder or across folders",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "the runtime smoke imports the package by name, as the app that installed it does (test/runtimes)",
      severity: "error",
      from: { pathNot: "^test/runtimes/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|bin|\\.tmp|coverage|reports|test/consumer)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".d.ts", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
