// The parts of the docs that code holds are written from it (scripts/lib/docs/): blocks between
// markers, replaced whole, none left stale. `npm run generate` writes them and the drift check
// fails on a stale one; the bench's figures are written by `npm run bench -- --write`, so they are
// held to bench/results.json here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { performanceBlock } from "../../bench/report.ts";
import type { BenchResults } from "../../bench/results.ts";
import { blockNames, fillBlocks } from "../../scripts/lib/docs/blocks.ts";
import { documents, RENDERERS, WRITTEN_ELSEWHERE } from "../../scripts/lib/docs/renderers.ts";
import { inRoot } from "../../scripts/lib/paths.ts";

const doc = ["# t", "<!-- generated: a -->", "old", "text", "<!-- end: a -->", "after"].join("\n");

describe("fillBlocks", () => {
  it("replaces what lies between a block's markers with what its renderer makes, and nothing else", async () => {
    expect(await fillBlocks(doc, { a: () => "new\n\n" }, "x.md")).toBe(
      ["# t", "<!-- generated: a -->", "new", "<!-- end: a -->", "after"].join("\n"),
    );
  });

  it("refuses a block no renderer knows, and a marker left open, naming the file", async () => {
    await expect(fillBlocks(doc, {}, "x.md")).rejects.toThrow("x.md: no renderer for block a");
    await expect(fillBlocks("<!-- generated: a -->\nx\n", { a: () => "" }, "y.md")).rejects.toThrow(
      'y.md: a "<!-- generated: … -->" marker has no matching end',
    );
  });

  it("takes a marker only on a line of its own, and leaves a block another command writes", async () => {
    const quoted = "write `<!-- generated: a -->` in a doc";
    expect(blockNames(quoted)).toEqual([]);
    expect(await fillBlocks(doc, {}, "x.md", new Set(["a"]))).toBe(doc);
  });
});

describe("the docs' blocks", () => {
  it("have a renderer or a command that writes them, and every renderer is used", () => {
    const used = documents().flatMap((f) => blockNames(readFileSync(inRoot(f), "utf8")));
    for (const name of used)
      expect(Object.hasOwn(RENDERERS, name) || Object.hasOwn(WRITTEN_ELSEWHERE, name), name).toBe(true);
    expect(new Set(used)).toEqual(new Set([...Object.keys(RENDERERS), ...Object.keys(WRITTEN_ELSEWHERE)]));
  });

  it("show the bench's figures as bench/results.json has them", async () => {
    const results = JSON.parse(readFileSync(inRoot("bench", "results.json"), "utf8")) as BenchResults;
    const text = readFileSync(inRoot("docs", "performance.md"), "utf8");
    expect(await fillBlocks(text, { "bench-results": () => performanceBlock(results) }, "docs/performance.md")).toBe(
      text,
    );
  });
});
