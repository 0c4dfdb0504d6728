// The README's "Testing your app" examples are what the consumer check runs as an app's test
// files (scripts/lib/consumer.ts): the section is found and its TypeScript blocks taken whole.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TESTING_SECTION as README_SECTION, sectionSnippets } from "../support/readme.ts";

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

  it("refuses a README without the section", () => {
    expect(() => sectionSnippets(MARKDOWN, "Nope")).toThrow('README.md has no section "Nope"');
  });

  it("finds the README's examples: complete vitest modules using the kit", () => {
    const snippets = sectionSnippets(readFileSync(new URL("../../README.md", import.meta.url), "utf8"), README_SECTION);
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
