// Repository paths named in source comments ("the server is in contract-tests/lib/mock-server.ts"):
// after files move, a comment that still points at the old place sends a reader nowhere.
import { TOP_FOLDERS } from "./repository.ts";

// a path starts at one of the repository's top-level folders, not inside another word
const NAMED_PATH = new RegExp(String.raw`(?<![\w./-])${TOP_FOLDERS}\/[\w./-]*`, "g");

/** The comment text of each line of a TypeScript or JavaScript source: `// …`, `/* … *\/` and JSDoc lines. */
function commentLines(source: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let inBlock = false;
  source.split("\n").forEach((text, index) => {
    const trimmed = text.trim();
    if (inBlock || trimmed.startsWith("/*")) {
      lines.push({ line: index + 1, text: trimmed });
      inBlock = !trimmed.includes("*/");
      return;
    }
    const slashes = text.indexOf("// ");
    // a `//` inside a string or a URL (https://…) is not a comment
    if (slashes >= 0 && !/["'`:]\s*$/.test(text.slice(0, slashes)) && !text.slice(0, slashes).includes('"')) {
      lines.push({ line: index + 1, text: text.slice(slashes) });
    }
  });
  return lines;
}

/**
 * Each repository path a comment names that `there` does not find.
 * Globs (`scripts/*.ts`) and placeholders (`.tmp/package/<hash>`) are not paths; a sentence's
 * last full stop or comma is not part of its path.
 */
export function missingCommentPaths(source: string, there: (path: string) => boolean, file: string): string[] {
  const missing: string[] = [];
  for (const { line, text } of commentLines(source)) {
    for (const match of text.matchAll(NAMED_PATH)) {
      const end = match.index + match[0].length;
      if (/^[*<{]/.test(text.slice(end))) continue;
      const path = match[0].replace(/[.,]+$/, "").replace(/\/$/, "");
      if (!there(path)) missing.push(`${file}:${line}: ${path} is not there`);
    }
  }
  return missing;
}
