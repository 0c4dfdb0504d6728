// The paths source comments name: after a move, a comment pointing at the old place is caught
// here, not by the next reader who goes looking for it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { missingCommentPaths } from "../support/comment-paths.ts";
import { hasPath, repositoryFiles, repositoryHas } from "../support/repository.ts";

describe("missingCommentPaths", () => {
  const files = new Set(["contract-tests/lib/mock-server.ts", "src/gate/live/gate.ts", "scripts/docs.ts"]);
  const there = (path: string) => hasPath(files, path);

  it("names each path a comment gives that the repository lacks, with its line", () => {
    const source = [
      "// the server (contract-tests/lib/mock-server.ts) answers; the gate is in src/gate/live.",
      "const url = 'https://example.com/scripts/gone.ts'; // see scripts/lib/gone.ts, scripts/docs.ts",
      "/**",
      " * @internal also the gate's (scripts/lib/live, src/gate/live/gate.ts)",
      " */",
      "const notAComment = 'src/gone.ts';",
    ].join("\n");
    expect(missingCommentPaths(source, there, "a.ts")).toEqual([
      "a.ts:2: scripts/lib/gone.ts is not there",
      "a.ts:4: scripts/lib/live is not there",
    ]);
  });

  it("takes globs, placeholders and paths inside longer words for what they are", () => {
    const source = [
      "// every scripts/*.ts entry; builds in .tmp/package/<hash>; test/support/{a,b}.ts",
      "// node_modules/foo/src/gone.ts is not ours",
    ].join("\n");
    expect(missingCommentPaths(source, there, "b.ts")).toEqual([]);
  });
});

describe("the repository's comments", () => {
  it("name no file or folder the repository lacks (a build output git ignores counts)", () => {
    const sources = [...repositoryFiles()].filter(
      (f) => /\.(?:[cm]?ts|[cm]?js)$/.test(f) && !f.startsWith("generated/"),
    );
    const missing = sources.flatMap((file) =>
      missingCommentPaths(readFileSync(`${ROOT}${file}`, "utf8"), repositoryHas, file),
    );
    expect(missing).toEqual([]);
  });
});
