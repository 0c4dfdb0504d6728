// The breaking-change engine: two OpenAPI documents in, every change a client could notice out,
// each rated by a rule of rules.ts. In-process and synchronous: no child process, no network.
import { type Change, ChangeSet, type DiffContext } from "./changes.ts";
import { type SpecDocument, same } from "./document.ts";
import { compareDocument } from "./walk-document.ts";
import { compareOperations } from "./walk-operations.ts";

export function diffSpecs(before: SpecDocument, after: SpecDocument): Change[] {
  const out = new ChangeSet();
  const ctx: DiffContext = { before, after, side: "document", out, inside: new Set() };
  compareDocument(ctx);
  compareOperations(ctx);
  if (out.emitted === 0 && !same(before.root, after.root))
    out.add(
      ctx,
      "restatement",
      { pointer: "", label: "" },
      "the document changed; nothing a client sends or receives did",
    );
  return out.list(before, after);
}
