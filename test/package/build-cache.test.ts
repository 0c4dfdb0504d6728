// The package checks' build is kept under the hash of its inputs (test/support/package/build.ts):
// the same inputs reuse it, any change to a committable file builds again, and a build that
// failed is never reused. Shown on a package of two files, built by a prepare script of its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPackage } from "../support/package/build.ts";

let root: string;
let cache: string;
const write = (file: string, text: string) => writeFileSync(join(root, file), text);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "lc-build-cache-"));
  cache = join(root, ".tmp", "package");
  execFileSync("git", ["init", "--quiet"], { cwd: root });
  write(".gitignore", "node_modules\n.tmp/\ndist/\n");
  write("index.src", "one");
  write(
    "package.json",
    JSON.stringify({
      name: "tiny",
      version: "1.0.0",
      files: ["dist"],
      // what the real prepare does, in small: build dist/ from the sources, and fail when told to
      scripts: {
        prepare: `node -e "const fs=require('fs');const s=fs.readFileSync('index.src','utf8');if(s==='fail')process.exit(1);fs.mkdirSync('dist',{recursive:true});fs.writeFileSync('dist/index.js',s)"`,
      },
    }),
  );
  mkdirSync(join(root, "node_modules"));
  write("node_modules/.package-lock.json", "{}");
  symlinkSync(join(root, "node_modules"), join(root, "linked"), "dir"); // untracked: a link is a file to git
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the package checks' build", () => {
  it("is reused while its inputs are the same, and made again when one changes or the last one failed", async () => {
    const first = await buildPackage(root, cache);
    expect(first.cached).toBe(false);
    const again = await buildPackage(root, cache);
    expect(again).toEqual({ ...first, cached: true });

    write("index.src", "two");
    const changed = await buildPackage(root, cache);
    expect(changed.cached).toBe(false);
    expect(changed.dir).not.toBe(first.dir);
    expect(readFileSync(join(changed.dir, "dist", "index.js"), "utf8")).toBe("two");

    write("index.src", "fail");
    await expect(buildPackage(root, cache)).rejects.toThrow(/prepare/);
    await expect(buildPackage(root, cache)).rejects.toThrow(/prepare/);
  }, 60_000);
});
