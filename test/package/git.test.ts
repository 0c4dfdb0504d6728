// The package as a git dependency (`npm install git+https://…#tag`): npm clones the repository,
// installs its dev dependencies, runs `prepare` and installs what that built. The tarball every
// package check uses is built the same way (prepare in a clean checkout of what a commit holds,
// test/support/package/build.ts), so it is checked here that prepare builds everything the
// manifest ships from such a checkout, and that it does nothing when the build is already there.
// The whole npm install from git, dev dependencies and all, takes a minute: it runs when asked
// (`LC_GIT_INSTALL=1`), as CI does once per push.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Packed } from "../support/package/build.ts";
import { installFromGit } from "../support/package/git-install.ts";
import { run } from "../support/package/process.ts";
import { packedPackage } from "../support/package/resources.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let packed: Packed;
beforeAll(async () => {
  packed = await packedPackage();
});

describe("a git dependency", () => {
  it("is built by prepare in a clean checkout: every file the manifest ships", () => {
    const { files, bin } = JSON.parse(readFileSync(join(packed.dir, "package.json"), "utf8")) as {
      files: string[];
      bin: Record<string, string>;
    };
    // a pattern (docs/*.md) names what is there already; a path names what prepare must build
    const paths = [...files, ...Object.values(bin)].filter((f) => !f.includes("*"));
    for (const shipped of paths) expect(existsSync(join(packed.dir, shipped)), shipped).toBe(true);
    expect(packed.info.files.filter((f) => f.path.startsWith("dist/")).length).toBeGreaterThan(0);
  });

  it("is not built again by prepare when dist/ and bin/ are there: no built file is written", async () => {
    const built = ["dist/index.mjs", "dist/testing.mjs", "bin/leadconduit-contract.mjs"].map((f) =>
      join(packed.dir, f),
    );
    const written = () => built.map((f) => statSync(f).mtimeMs);
    const before = written();
    await run("npm", ["run", "prepare"], { cwd: packed.dir });
    expect(written()).toEqual(before);
  });

  it.runIf(process.env.LC_GIT_INSTALL === "1")(
    "installs with npm from a git URL and imports",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lc-git-"));
      try {
        const { app } = await installFromGit(ROOT, dir);
        const script = 'import("leadconduit-client").then((m) => console.log(typeof m.createLeadConduitClient))';
        expect((await run(process.execPath, ["-e", script], { cwd: app })).stdout.trim()).toBe("function");
        for (const file of packed.info.files)
          expect(existsSync(join(app, "node_modules", "leadconduit-client", file.path)), file.path).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
