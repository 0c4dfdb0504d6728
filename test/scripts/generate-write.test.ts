// `npm run generate` writes what changed and only that: a file whose text is already what the
// spec produces keeps its modification time, and the line it prints names what it wrote.
// (The drift check's own wording: describeStale, beside it.)
import { describe, expect, it } from "vitest";
import { describeStale, describeWritten, writeChanged } from "../../scripts/lib/generate/index.ts";
import { inRoot } from "../../scripts/lib/paths.ts";

const at = (path: string) => inRoot(path);

describe("writeChanged", () => {
  it("writes the files whose text differs or that do not exist, and nothing else", () => {
    const disk = new Map([
      [at("generated/api.js"), "old"],
      [at("generated/api.d.ts"), "same"],
    ]);
    const writes: string[] = [];
    const result = writeChanged(
      [
        [at("generated/api.js"), "new"],
        [at("generated/api.d.ts"), "same"],
        [at("generated/testing.js"), "first"],
      ],
      (path) => disk.get(path),
      (path, text) => {
        writes.push(path);
        disk.set(path, text);
      },
    );
    expect(writes).toEqual([at("generated/api.js"), at("generated/testing.js")]);
    expect(result).toEqual({ changed: ["generated/api.js", "generated/testing.js"], unchanged: 1 });
    expect(disk.get(at("generated/api.js"))).toBe("new");
  });
});

describe("what generate and the drift check say", () => {
  it("names what was written and counts the rest", () => {
    expect(describeWritten({ changed: ["generated/api.js", "README.md"], unchanged: 10 })).toBe(
      "wrote generated/api.js, README.md; 10 unchanged",
    );
    expect(describeWritten({ changed: ["generated/api.js"], unchanged: 0 })).toBe("wrote generated/api.js");
    expect(describeWritten({ changed: [], unchanged: 12 })).toBe(
      "nothing changed: the 12 generated files are what the spec produces",
    );
  });

  it("names each stale file and the command that fixes it", () => {
    expect(describeStale({ stale: ["generated/api.js", "README.md"], files: 12 })).toBe(
      "not what their sources produce: generated/api.js, README.md\n" +
        "run `npm run generate` and commit the result (generated/ and the docs' generated blocks are never edited by hand)",
    );
    expect(describeStale({ stale: [], files: 12 })).toMatch(/\(12 files\)$/);
  });
});
