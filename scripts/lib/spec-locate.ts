// Finds the line of a JSON pointer in a YAML file, so an annotation can point at the schema
// keyword a response broke (`/components/schemas/Entity/required` → the `required:` line).
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { SpecLocation } from "../../src/gate/report/model.ts";

export type Locate = (pointer: string) => SpecLocation | undefined;

/** A locator over one YAML file; `shownAs` is the file name put in each location. */
export function yamlLocator(path: string, shownAs: string): Locate {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { lineCounter: counter, keepSourceTokens: false });
  return (pointer) => {
    const offset = offsetOf(doc.contents as Node | null, segmentsOf(pointer));
    return offset === undefined ? undefined : { file: shownAs, line: counter.linePos(offset).line, pointer };
  };
}

/** A JSON pointer's segments, unescaped. */
export function segmentsOf(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Where the deepest existing part of the path starts: the key of a mapping entry, else the node. */
export function offsetOf(root: Node | null, segments: string[]): number | undefined {
  let node: Node | null = root;
  let best = root?.range?.[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      best = (pair.key as Node).range?.[0] ?? best;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  return best;
}
