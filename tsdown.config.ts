// Builds the published package from src/: the client (src/client) and the testing kit
// (src/testing, src/testing/msw.ts) as ESM (.mjs) and CJS (.cjs) with their own declarations
// (.d.mts / .d.cts) into dist/, and the bundled spec (generated/openapi.json, as
// dist/openapi.{json,yaml}). openapi-fetch stays an external runtime dependency; the
// precompiled validators (generated/validators.js) are bundled, so Ajv is not needed at run time.
//
// Second build: the gate's CLI, the `leadconduit-contract` bin (src/gate/bin.ts), into
// bin/leadconduit-contract.mjs, one file for Node with Ajv bundled in, so the live contract
// check runs from the installed package without any devDependency.
import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig, type Rolldown, type UserConfig } from "tsdown";
import { stringify } from "yaml";

// Rolldown (tsdown 0.21.10) compiles a default import of an external package, in the CJS output
// of a "type": "module" package, to `__toESM(require("openapi-fetch"), 1)` ("node mode"), so the
// default binding is the whole exports object, not createClient, and every CJS consumer fails
// with "createClient is not a function" (rolldown/tsdown#1054). For the CJS build only, a
// default import of openapi-fetch becomes a namespace import that takes the function from
// whichever shape the interop gives. The ESM build and the declarations are untouched.
const DEFAULT_IMPORT = /^import\s+([A-Za-z_$][\w$]*)\s*(?:,\s*(\{[^}]*\}))?\s*from\s*["']openapi-fetch["'];?/m;
const openapiFetchCjsInterop: Rolldown.Plugin = {
  name: "leadconduit:openapi-fetch-cjs-interop",
  transform: {
    order: "pre",
    filter: { id: /[\\/]src[\\/]client[\\/][^\\/]+\.ts$/ },
    handler(code) {
      const match = DEFAULT_IMPORT.exec(code);
      if (!match) return null;
      const [statement, local, named] = match;
      const replacement = [
        'import * as __openapiFetch from "openapi-fetch";',
        named ? `import ${named} from "openapi-fetch";` : "",
        "const __openapiFetchDefault: unknown = (__openapiFetch as { default?: unknown }).default;",
        `const ${local} = (typeof __openapiFetchDefault === "function"`,
        "  ? __openapiFetchDefault",
        "  : (__openapiFetchDefault as { default: unknown }).default) as typeof __openapiFetch.default;",
      ].join("\n");
      return { code: code.replace(statement, replacement), map: null };
    },
  },
};

// rolldown-plugin-dts 0.23 (the last for Node 20) prints a one-line JSDoc comment at the end of
// the previous line (`name: string; /** @description ... */`), where editors attach it to the
// wrong property or none: 9 Entity fields lost their hover text. Fixed upstream in releases that
// need Node 22 (sxzz/rolldown-plugin-dts#182); until then each such comment goes back onto its
// own line, indented like the member it documents. test/consumer checks every hover.
const TRAILING_JSDOC = /^([ \t]*)(\S[^\n]*?[;,{])[ \t]*(\/\*\*(?:(?!\*\/)[^\n])*\*\/)[ \t]*\n(?=([ \t]*))/gm;
export function detachTrailingJsdoc(code: string): string {
  return code.replace(
    TRAILING_JSDOC,
    (_all, indent: string, code: string, comment: string, next: string) => `${indent}${code}\n${next}${comment}\n`,
  );
}
const declarationComments: Rolldown.Plugin = {
  name: "leadconduit:declaration-comments",
  renderChunk(code, chunk) {
    return /\.d\.[cm]?ts$/.test(chunk.fileName) ? { code: detachTrailingJsdoc(code), map: null } : null;
  },
};

// the version the client's User-Agent says (src/client/user-agent.ts): the package's own
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

// what every build here does alike
const common = {
  fixedExtension: true,
  sourcemap: false,
  clean: true,
  treeshake: true,
  // package.json is written by hand (npm pkg set), not by the build
  exports: false,
  publint: false,
  attw: false,
} satisfies UserConfig;

const shared = {
  ...common,
  format: ["esm", "cjs"],
  outDir: "dist",
  // runs in Node, Bun, Deno and browsers: no Node built-ins, no shims
  platform: "neutral",
  target: "es2022",
  // the project of what ships (no Node types); the root tsconfig.json is the tooling's
  tsconfig: "src/tsconfig.json",
  dts: true,
  deps: { neverBundle: ["openapi-fetch", "msw"] },
  define: { __LEADCONDUIT_CLIENT_VERSION__: JSON.stringify(version) },
  inputOptions(options, format, { cjsDts }) {
    if (format === "cjs" && !cjsDts) options.plugins = [options.plugins, openapiFetchCjsInterop];
    options.plugins = [options.plugins, declarationComments];
  },
  // PLUGIN_TIMINGS only reports how loaded the machine was
  checks: { legacyCjs: false, pluginTimings: false },
} satisfies UserConfig;

const library = defineConfig({
  ...shared,
  entry: { index: "src/client/index.ts" },
  hooks: {
    // The exact contract the client was built from, for Prism, another generator or a diff:
    // `leadconduit-client/openapi.json` and `/openapi.yaml`, bundled (no external refs).
    "build:done": () => {
      const json = readFileSync("generated/openapi.json", "utf8");
      writeFileSync("dist/openapi.json", json);
      writeFileSync("dist/openapi.yaml", stringify(JSON.parse(json), { lineWidth: 0 }));
    },
  },
});

// The testing kit (`leadconduit-client/testing`) and its MSW handlers (`/msw`, msw external),
// each built alone so no entry shares a chunk with another: the client's dist/index.* stay
// exactly what they were, and each kit entry is one file with its own copy of the few client
// helpers it uses (redaction, violation paths).
const testing = defineConfig({ ...shared, entry: { testing: "src/testing/index.ts" } });
const msw = defineConfig({ ...shared, entry: { msw: "src/testing/msw.ts" } });

const bin = defineConfig({
  ...common,
  entry: { "leadconduit-contract": "src/gate/bin.ts" },
  format: ["esm"],
  outDir: "bin",
  platform: "node",
  target: "node20",
  tsconfig: "src/gate/tsconfig.json",
  dts: false,
  banner: { js: "#!/usr/bin/env node" },
  // Ajv and what it needs, and nothing else from node_modules: the bin must not need a devDependency
  deps: { onlyBundle: ["ajv", "ajv-formats", "fast-deep-equal", "fast-uri", "json-schema-traverse"] },
  outputOptions: { codeSplitting: false },
  checks: { pluginTimings: false },
});

export default [library, testing, msw, bin];
