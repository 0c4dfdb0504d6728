// Ajv's standalone code, trimmed to what the client reads. Three things go:
// - of each error object, `schemaPath`, and `params` but where violationsOf (src/client/
//   violations.ts) reads one: the property a `required` or `additionalProperties` error names.
//   With the params go the copies of the schemas they pointed into (a type list, an enum's
//   values), most of what the shipped validators weighed;
// - the data context every compiled function takes and passes on (`parentData`,
//   `parentDataProperty`, `rootData`), which only `$data` references and user keywords read;
//   the spec uses neither, and the generator refuses code that would still read them;
// - the CommonJS of Ajv's one-function runtime helpers (`require("ajv/dist/runtime/ucs2length")
//   .default`, which lengths need): the function itself is put in the module, so the bundle
//   needs no CommonJS wrapper for it.
import { createRequire } from "node:module";
import ts from "typescript";

/** The one param violationsOf reads, by keyword; an error of any other keyword keeps no params. */
const PARAMS_READ: Readonly<Record<string, string>> = {
  required: "missingProperty",
  additionalProperties: "additionalProperty",
};
const CONTEXT = new Set(["parentData", "parentDataProperty", "rootData"]);
/** Ajv's runtime helpers that are one function using nothing but its arguments, by module: the export used. */
const ONE_FUNCTION_HELPERS: Readonly<Record<string, string>> = { "ajv/dist/runtime/ucs2length": "default" };
const require = createRequire(import.meta.url);

/** `require("<helper module>").<export>`: the helper's module, when it is one of ONE_FUNCTION_HELPERS. */
function helperRequired(node: ts.Node): string | undefined {
  if (!ts.isPropertyAccessExpression(node) || !ts.isCallExpression(node.expression)) return undefined;
  const {
    expression: callee,
    arguments: [module],
  } = node.expression;
  if (!ts.isIdentifier(callee) || callee.text !== "require" || !module || !ts.isStringLiteral(module)) return undefined;
  return ONE_FUNCTION_HELPERS[module.text] === node.name.text ? module.text : undefined;
}

/** The helper's own source, declared under its own name. */
function helperSource(module: string): { name: string; source: string } {
  const fn = require(module)[ONE_FUNCTION_HELPERS[module]!] as (...args: unknown[]) => unknown;
  const source = fn.toString();
  if (!source.startsWith(`function ${fn.name}(`))
    throw new Error(`leanCode: ${module} is not one function declaration`);
  return { name: fn.name, source };
}

const nameOf = (node: ts.ObjectLiteralElementLike | ts.BindingElement): string | undefined =>
  node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;

/** The keyword of an error object Ajv builds (`{ instancePath, schemaPath, keyword: "type", ... }`); undefined for any other object. */
function errorKeyword(node: ts.ObjectLiteralExpression): string | undefined {
  const names = node.properties.map(nameOf);
  if (!names.includes("instancePath") || !names.includes("schemaPath")) return undefined;
  const keyword = node.properties.find((p) => nameOf(p) === "keyword");
  return keyword && ts.isPropertyAssignment(keyword) && ts.isStringLiteral(keyword.initializer)
    ? keyword.initializer.text
    : undefined;
}

/** Whether an error object keeps this property: not `schemaPath`, and `params` only where violationsOf reads one. */
function keeps(property: ts.ObjectLiteralElementLike, keyword: string): boolean {
  const name = nameOf(property);
  if (name === "schemaPath") return false;
  if (name !== "params") return true;
  const read = PARAMS_READ[keyword];
  if (!read || !ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) return false;
  const params = property.initializer.properties.map(nameOf);
  if (!params.includes(read)) throw new Error(`Ajv's ${keyword} error has no params.${read}: ${params.join(", ")}`);
  return true;
}

/** `{ instancePath, parentData, ... }`: the data context a compiled function takes or is called with. */
const isContext = (names: (string | undefined)[]) => names[0] === "instancePath" && names.some((n) => CONTEXT.has(n!));

function trimmed(node: ts.Node, f: ts.NodeFactory, counts: { errors: number; helpers: Set<string> }): ts.Node {
  const helper = helperRequired(node);
  if (helper) {
    counts.helpers.add(helper);
    return f.createIdentifier(helperSource(helper).name);
  }
  if (ts.isObjectLiteralExpression(node)) {
    const keyword = errorKeyword(node);
    if (keyword !== undefined) {
      counts.errors++;
      return f.updateObjectLiteralExpression(
        node,
        node.properties.filter((p) => keeps(p, keyword)),
      );
    }
    if (isContext(node.properties.map(nameOf)))
      return f.updateObjectLiteralExpression(
        node,
        node.properties.filter((p) => !CONTEXT.has(nameOf(p)!)),
      );
  }
  if (ts.isObjectBindingPattern(node) && isContext(node.elements.map(nameOf)))
    return f.updateObjectBindingPattern(
      node,
      node.elements.filter((e) => !CONTEXT.has(nameOf(e)!)),
    );
  return node;
}

/** Ajv standalone code (an ES module) with only what the client reads. */
export function leanCode(code: string): string {
  const source = ts.createSourceFile("standalone.mjs", code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const counts = { errors: 0, helpers: new Set<string>() };
  const transformer: ts.TransformerFactory<ts.SourceFile> = (context) => (root) => {
    const visit = (node: ts.Node): ts.Node => trimmed(ts.visitEachChild(node, visit, context), context.factory, counts);
    return ts.visitNode(root, visit) as ts.SourceFile;
  };
  const result = ts.transform(source, [transformer]);
  try {
    const helpers = [...counts.helpers].map((module) => helperSource(module).source);
    const out = [...helpers, ts.createPrinter().printFile(result.transformed[0]!)].join("\n");
    // code with no error object is not Ajv's as this file knows it: nothing would have been checked
    if (counts.errors === 0) throw new Error("leanCode: no Ajv error object in the standalone code");
    const reads = [...CONTEXT].filter((name) => new RegExp(`\\b${name}\\b`).test(out));
    if (reads.length) throw new Error(`leanCode: the validators read ${reads.join(", ")}; they cannot be dropped`);
    return out;
  } finally {
    result.dispose();
  }
}
