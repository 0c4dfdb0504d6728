// Names in the spec become type names in every generator (openapi-typescript, @hey-api/openapi-ts,
// orval): two components sharing a name get renamed (`InvitationRequest2`), and a schema named
// like a JavaScript global (`Error`) shadows it in the generated code.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { spec } from "../../contract-tests/lib/spec.ts";

const { document } = spec;
const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
const names = Object.entries(components).flatMap(([kind, entries]) =>
  Object.keys(entries).map((name) => ({ kind, name })),
);

/** Every global name TypeScript knows in ES2022 + DOM + WebWorker, and every global of this Node. */
function globalNames(): Set<string> {
  const file = "probe.ts";
  const options: ts.CompilerOptions = {
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.webworker.importscripts.d.ts"],
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name === file ? ts.createSourceFile(file, "export {};", version) : readFile(name, version);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const symbols = checker.getSymbolsInScope(program.getSourceFile(file)!, ts.SymbolFlags.Type | ts.SymbolFlags.Value);
  return new Set([...symbols.map((s) => s.name), ...Object.getOwnPropertyNames(globalThis)]);
}

describe("component names", () => {
  it("are unique across component types", () => {
    const seen = new Map<string, string>();
    const clashes = names.filter(({ kind, name }) => {
      const other = seen.get(name);
      seen.set(name, kind);
      return other !== undefined && other !== kind;
    });
    expect(clashes).toEqual([]);
  });

  it("never name a JavaScript or DOM global", () => {
    const globals = globalNames();
    expect(globals.has("Error") && globals.has("Response") && globals.has("Request")).toBe(true);
    expect(names.filter(({ name }) => globals.has(name))).toEqual([]);
  });
});
