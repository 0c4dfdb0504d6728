// How the consumer check finds the "Testing your app" examples of docs/testing.md, which it runs as an app's
// test files (test/support/package/app.ts): the section is found and its TypeScript blocks taken
// whole.
import { describe, expect, it } from "vitest";
import { sectionSnippets } from "../support/markdown.ts";

const MARKDOWN = [
  "# Title",
  "## A",
  "```ts",
  "const outside = 1;",
  "```",
  "## Testing your app",
  "text",
  "```ts",
  "const one = 1;",
  "```",
  "#### deeper, still inside",
  "```typescript",
  "const two = 2;",
  "",
  "```",
  "```sh",
  "npm test",
  "```",
  "## Next",
  "```ts",
  "const after = 3;",
  "```",
].join("\n");

describe("sectionSnippets", () => {
  it("takes every TypeScript block of the section, and only those, with their lines", () => {
    expect(sectionSnippets(MARKDOWN, "Testing your app")).toEqual([
      { line: 8, code: "const one = 1;\n" },
      { line: 12, code: "const two = 2;\n\n" },
    ]);
  });

  it("refuses a file without the section, naming it", () => {
    expect(() => sectionSnippets(MARKDOWN, "Nope", "docs/x.md")).toThrow('docs/x.md has no section "Nope"');
  });
});
