// Asks the TypeScript language service, in an app that installed the package, for the hover
// text ("quick info") of everything a user hovers: every export, every property of every
// exported object type (options, error fields, Entity fields...), every field of every error
// class. What to hover is enumerated from the installed declarations, so a new export or option
// is covered the day it appears.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { readConfig } from "../typescript.ts";

export interface Hover {
  /** e.g. `Entity.pending`, `createLeadConduitClient` */
  name: string;
  /** the hover's documentation text (JSDoc and tags), empty when there is none */
  text: string;
  /** where the hovered declaration lives */
  file: string;
}

// Generated structures whose members are paths and status codes, not things a user reads.
const NOT_ENUMERATED = new Set(["paths", "components", "operations"]);

export type Flavour = "esm" | "cjs";

/**
 * The hovers of the entry points `names` of a package as an app at `appDir` sees them: `esm`
 * through the package's "import" condition (.d.mts), `cjs` through "require" (.d.cts). One probe
 * module per flavour names everything, and one program holds both probes, so one type checker
 * answers every hover.
 */
export function collectHovers(appDir: string, names: readonly string[]): Record<Flavour, Hover[]> {
  mkdirSync(join(appDir, "hovers"), { recursive: true });
  const probes = { esm: join(appDir, "hovers", "probe.mts"), cjs: join(appDir, "hovers", "probe.cts") };
  const texts = new Map<string, string>();
  for (const probe of Object.values(probes)) {
    const imports = names.map(
      (name, m) => `import type * as P${m} from "${name}";\nexport type Probe${m} = typeof P${m};`,
    );
    texts.set(probe, `${imports.join("\n")}\n`);
  }
  const service = languageService(appDir, texts);
  const positions = new Map<string, { name: string; at: number }[]>();
  for (const probe of Object.values(probes)) {
    const program = service.getProgram()!;
    const items = names.flatMap((name, m) => enumerate(program, probe, m).map((item) => ({ ...item, name, m })));
    const { source, positions: at } = probeSource(names, items);
    positions.set(probe, at);
    texts.set(probe, source);
  }
  const hoversOf = (probe: string) =>
    positions.get(probe)!.map(({ name: hovered, at }) => {
      const info = service.getQuickInfoAtPosition(probe, at);
      const definition = service.getDefinitionAtPosition(probe, at)?.[0]?.fileName ?? "(unresolved)";
      const parts = [...(info?.documentation ?? []), ...(info?.tags ?? []).flatMap((t) => t.text ?? [])];
      return { name: hovered, text: ts.displayPartsToString(parts).trim(), file: definition };
    });
  return { esm: hoversOf(probes.esm), cjs: hoversOf(probes.cjs) };
}

interface Item {
  /** the export */
  exported: string;
  kind: "value" | "type";
  /** properties to hover on a value of this type (object types and classes) */
  members: string[];
}

function enumerate(program: ts.Program, probe: string, index: number): Item[] {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(probe)!;
  const decl = file.statements.filter(ts.isImportDeclaration)[index]!;
  const module = checker.getSymbolAtLocation(decl.moduleSpecifier);
  if (!module) throw new Error(`the probe could not resolve ${decl.moduleSpecifier.getText(file)}`);
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
    const isClass = (target.flags & ts.SymbolFlags.Class) !== 0;
    const type = isClass
      ? checker.getDeclaredTypeOfSymbol(target)
      : isValue
        ? undefined
        : checker.getDeclaredTypeOfSymbol(target);
    const generic = (target.declarations ?? []).some(
      (d) => (ts.isTypeAliasDeclaration(d) || ts.isInterfaceDeclaration(d)) && (d.typeParameters?.length ?? 0) > 0,
    );
    const members =
      type && !generic && !NOT_ENUMERATED.has(symbol.name)
        ? checker
            .getPropertiesOfType(type)
            .filter((p) => (p.declarations ?? []).some((d) => !isLib(d)))
            .map((p) => p.name)
        : [];
    return { exported: symbol.name, kind: isValue ? "value" : "type", members };
  });
}

/** Declared in TypeScript's own lib files (Error.message, Error.stack...), not in the package. */
function isLib(node: ts.Node): boolean {
  return /[\\/]typescript[\\/]lib[\\/]lib\./.test(node.getSourceFile().fileName);
}

function probeSource(names: readonly string[], items: (Item & { name: string; m: number })[]) {
  const lines = names.flatMap((name, m) => [
    `import type * as T${m} from "${name}";`,
    `import * as V${m} from "${name}";`,
  ]);
  const marks: { name: string; line: number; column: number }[] = [];
  const mark = (label: string, text: string, token: string) => {
    marks.push({ name: label, line: lines.length, column: text.lastIndexOf(token) });
    lines.push(text);
  };
  items.forEach((item, i) => {
    const label = `${item.name}: ${item.exported}`;
    if (item.kind === "value") mark(label, `V${item.m}.${item.exported};`, item.exported);
    else mark(label, `export type X${i} = T${item.m}.${item.exported};`, item.exported);
    if (item.members.length) lines.push(`declare const v${i}: T${item.m}.${item.exported};`);
    for (const member of item.members) mark(`${label}.${member}`, `v${i}.${member};`, member);
  });
  const source = `${lines.join("\n")}\n`;
  const starts = lines.map((_, i) => lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0));
  return { source, positions: marks.map((m) => ({ name: m.name, at: starts[m.line]! + m.column })) };
}

/** A language service over the probes' texts (`texts`, which may change) with the app's settings. */
function languageService(appDir: string, texts: ReadonlyMap<string, string>): ts.LanguageService {
  const parsed = readConfig(join(appDir, "tsconfig.nodenext.json"));
  // the app's settings, but not its ambient types: no hover of the package depends on them
  const options = { ...parsed.options, types: [] };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (file) => texts.get(file) ?? "",
    getScriptSnapshot: (file) => {
      const content = texts.get(file) ?? ts.sys.readFile(file);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => appDir,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (file) => texts.has(file) || ts.sys.fileExists(file),
    readFile: (file) => texts.get(file) ?? ts.sys.readFile(file),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}
