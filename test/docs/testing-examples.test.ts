// The "Testing your app" examples of docs/testing.md are what the consumer check runs as an app's
// test files (test/support/package/app.ts): the section is found and its TypeScript blocks taken
// whole.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sectionSnippets, TESTING_SECTION } from "../support/markdown.ts";

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

  it("finds docs/testing.md's examples: complete vitest modules using the kit", () => {
    const file = "docs/testing.md";
    const snippets = sectionSnippets(
      readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"),
      TESTING_SECTION,
      file,
    );
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    for (const { code } of snippets) {
      expect(code).toMatch(/from "vitest";/);
      expect(code).toMatch(/from "leadconduit-client\/testing";/);
    }
    const all = snippets.map((s) => s.code).join("\n");
    for (const must of [
      "afterEach(() => mock.assertNoViolations())",
      '"Retry-After"',
      "makeEntity(",
      "setupServer(",
      "leadconduitHandlers(",
    ]) {
      expect(all).toContain(must);
    }
  });
});
