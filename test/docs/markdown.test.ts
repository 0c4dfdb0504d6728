// The docs' snippets and links (the README, CONTRIBUTING.md, the changelog, docs/*.md and
// spec/REFERENCE.md), as test/support/markdown.ts reads them for the consumer check: every link
// resolves and every path named in inline code exists.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { brokenLinks, links, missingNamedPaths, typescriptSnippets } from "../support/markdown.ts";
import { hasPath, repositoryFiles, repositoryHas } from "../support/repository.ts";

// Links up and out of the repository, for the fixtures: built from parts, so that no checker of
// this repository's own paths takes a fixture for a real link leaving it.
const UP = ["..", "/"].join("");
const UP_AND_OUT = `${UP}elsewhere/facts.md`;
const README = readFileSync(`${ROOT}README.md`, "utf8");
/** Every markdown file a reader of the repository meets. */
const DOCS = [...repositoryFiles()].filter((f) => f.endsWith(".md") && !f.startsWith("test/"));
const read = (file: string) => readFileSync(`${ROOT}${file}`, "utf8");

describe("the README", () => {
  // app developers read it on npm's page; CI owners and maintainers have guides of their own
  it("stays one page for app developers: at most 250 lines, linking the other readers' guides", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(250);
    for (const guide of ["docs/contract-gate.md", "docs/testing.md", "docs/performance.md", "CONTRIBUTING.md"])
      expect(README).toContain(`(${guide})`);
  });
});

describe("typescriptSnippets", () => {
  it("takes each ```ts block with the line of its fence, and nothing else", () => {
    const md = [
      "# t",
      "```sh",
      "npm test",
      "```",
      "```ts",
      "const a = 1;",
      "```",
      "text",
      "```typescript",
      "let b;",
      "```",
    ].join("\n");
    expect(typescriptSnippets(md)).toEqual([
      { line: 5, code: "const a = 1;\n" },
      { line: 9, code: "let b;\n" },
    ]);
  });

  it("refuses a block that is never closed", () => {
    expect(() => typescriptSnippets("```ts\nconst a = 1;\n")).toThrow(/README.md:1: a code block is never closed/);
  });

  it("finds the README's snippets", () => {
    expect(typescriptSnippets(README).length).toBeGreaterThanOrEqual(4);
  });
});

describe("links", () => {
  const md = [
    '[a](spec/x.yaml) ![b](docs/p.png "title") [c](https://example.com/y) [d](#install)',
    '`[not](a/link)` <https://example.org/z> <img src="docs/q.png">',
    "```md",
    "[inside](code/block.md)",
    "```",
    `[up](${UP_AND_OUT})`,
  ].join("\n");

  it("finds Markdown, autolink and HTML targets outside code", () => {
    expect(links(md).map((l) => l.target)).toEqual([
      "spec/x.yaml",
      "docs/p.png",
      "https://example.com/y",
      "#install",
      "https://example.org/z",
      "docs/q.png",
      UP_AND_OUT,
    ]);
  });

  it("calls a local link broken when it leaves the repository or names a file not in the list", () => {
    expect(brokenLinks(md, new Set(["spec/x.yaml", "docs/q.png"]))).toEqual([
      "README.md:1: docs/p.png is not there",
      `README.md:6: ${UP_AND_OUT} leaves the repository`,
    ]);
  });

  it("resolves a link against the folder of the file it is in", () => {
    const files = new Set(["README.md", "docs/testing.md"]);
    const twoUp = `${UP}${UP}x.md`; // from docs/, one level above the repository
    expect(brokenLinks(`[r](${UP}README.md) [t](testing.md) [x](${twoUp})`, files, "docs/contract-gate.md")).toEqual([
      `docs/contract-gate.md:1: ${twoUp} leaves the repository`,
    ]);
  });

  it.each(DOCS)("%s has no broken link in the repository", (file) => {
    expect(brokenLinks(read(file), repositoryFiles(), file)).toEqual([]);
  });
});

describe("missingNamedPaths", () => {
  it("names each repository path in inline code that is not in the list, outside code blocks", () => {
    const md = [
      "the server is `contract-tests/lib/mock-server.ts`, the tests `test/gate/`, the key `LEADCONDUIT_API_KEY`",
      "once `scripts/lib/gone.ts`; globs such as `src/**/*.ts` name no one file",
      "```sh",
      "cat `spec/gone.yaml`",
      "```",
    ].join("\n");
    const files = new Set(["contract-tests/lib/mock-server.ts", "test/gate/cli.test.ts"]);
    expect(missingNamedPaths(md, (path) => hasPath(files, path))).toEqual([
      "README.md:2: scripts/lib/gone.ts is not there",
    ]);
  });

  it.each(DOCS)("%s names no file or folder the repository lacks (a build output git ignores counts)", (file) => {
    expect(missingNamedPaths(read(file), repositoryHas, file)).toEqual([]);
  });
});
