// The operations of a document, keyed by `METHOD /path/{}` so that two documents pair them
// whatever their path parameters are called.
import { METHODS } from "../../../src/gate/spec-model.ts";
import { childPointer, isObject, type Resolved, resolve, type SpecDocument } from "./document.ts";

export interface OperationAt {
  label: string;
  method: string;
  path: string;
  op: Resolved;
  pathItem: Resolved;
}

/** Every operation, by `METHOD /path/{}` (parameter names left out). */
export function operationsOf(doc: SpecDocument): Map<string, OperationAt> {
  const out = new Map<string, OperationAt>();
  for (const [path, item] of Object.entries(isObject(doc.root.paths) ? doc.root.paths : {})) {
    const pathItem = resolve(doc, item, { pointer: childPointer("/paths", path), label: path });
    for (const method of METHODS) {
      const op = pathItem.node[method];
      if (!isObject(op)) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const at = pathItem.placeOf(method);
      out.set(`${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`, {
        label,
        method,
        path,
        op: resolve(doc, op, { pointer: at.pointer, label }),
        pathItem,
      });
    }
  }
  return out;
}
