// The breaking-change gate: redocly diff rates the changes, the gate weighs them against
// info.version. Fixtures are small specs in test/fixtures/spec-diff/.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  diffSpecFiles,
  formatSpecDiff,
  isMajorBump,
  runSpecDiff,
  specDiffMain,
  specDiffSection,
} from "../../scripts/lib/spec-diff.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/spec-diff/", import.meta.url));
const fixture = (name: string) => join(FIXTURES, `${name}.yaml`);
const BASE = fixture("base");

describe("diffSpecFiles", () => {
  it("fails a removed operation", async () => {
    const result = await diffSpecFiles(BASE, fixture("breaking-removed-operation"));
    expect(result.ok).toBe(false);
    expect(result.majorBump).toBe(false);
    expect(result.breaking).toContainEqual(
      expect.objectContaining({ ruleId: "path-removed", message: expect.stringContaining("/invitations/source") }),
    );
  });

  it("fails a newly required request field, even with a minor bump", async () => {
    const result = await diffSpecFiles(BASE, fixture("breaking-required-field"));
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ baseVersion: "1.0.0", revisionVersion: "1.1.0", majorBump: false });
    expect(result.breaking).toContainEqual(
      expect.objectContaining({ ruleId: "required-properties-added", message: expect.stringContaining("company") }),
    );
    const shown = formatSpecDiff(result, { base: "base", revision: "revision" });
    expect(shown).toMatch(/FAILED/);
    expect(shown).toContain("company");
  });

  it("passes an added optional response property", async () => {
    const result = await diffSpecFiles(BASE, fixture("compatible-optional-property"));
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
    expect(result.summary.minor).toBeGreaterThan(0);
  });

  it("passes a breaking change released as a new major version, and still lists it", async () => {
    const result = await diffSpecFiles(BASE, fixture("breaking-major-bump"));
    expect(result).toMatchObject({ ok: true, majorBump: true, baseVersion: "1.0.0", revisionVersion: "2.0.0" });
    expect(result.breaking.map((b) => b.ruleId)).toContain("path-removed");
    expect(formatSpecDiff(result, { base: "base", revision: "revision" })).toMatch(/Allowed: .*major bump/);
  });

  it("throws when redocly cannot read a file, rather than passing", async () => {
    await expect(diffSpecFiles(BASE, fixture("no-such-fixture"))).rejects.toThrow(/redocly diff failed/);
  });

  it("lists every change, breaking or not, for the report's section", async () => {
    const result = await diffSpecFiles(BASE, fixture("compatible-optional-property"));
    expect(result.changes.length).toBe(result.summary.major + result.summary.minor + result.summary.patch);
    expect(result.changes.every((c) => c.message && c.ruleId && c.pointer)).toBe(true);
    const section = specDiffSection({ kind: "compared", result, labels: { base: "b", revision: "r" } })!;
    expect(section).toMatchObject({ ok: true, breaking: 0, minor: result.summary.minor, base: "b", revision: "r" });
    expect(section.changes).toHaveLength(result.changes.length);
    expect(specDiffSection({ kind: "unchanged", base: "b" })).toBeUndefined();
  });

  it("names locations with the labels it is given", async () => {
    const result = await diffSpecFiles(BASE, fixture("breaking-removed-operation"), {
      base: "main:spec.yaml",
      revision: "spec.yaml",
    });
    expect(result.breaking[0]!.location).toMatch(/^main:spec\.yaml:\d+:\d+$/);
  });
});

describe("isMajorBump", () => {
  it.each([
    ["1.0.0", "2.0.0", true],
    ["1.9.9", "10.0.0", true],
    ["1.0.0", "1.1.0", false],
    ["2.0.0", "1.0.0", false],
    ["1.0.0", "2.0.0-rc.1", true],
    ["1.0.0", "two", false],
    [undefined, "2.0.0", false],
  ])("%s -> %s is %s", (base, revision, expected) => {
    expect(isMajorBump(base, revision)).toBe(expected);
  });
});

describe("specDiffMain against git refs", () => {
  let repo: string;
  const spec = () => join(repo, "spec", "api.yaml");
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      [
        "-c",
        "user.name=spec-diff test",
        "-c",
        "user.email=spec-diff@example.com",
        "-c",
        "commit.gpgsign=false",
        ...args,
      ],
      {
        cwd: repo,
        input: "",
        stdio: ["pipe", "pipe", "pipe"],
      },
    ).toString();
  const main = async (argv: string[] = [], env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const code = await specDiffMain(argv, {
      repoDir: repo,
      specPath: spec(),
      env,
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    return { code, output: lines.join("\n") };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "spec-diff-repo-"));
    mkdirSync(join(repo, "spec"));
    git("init", "--quiet", "--initial-branch=main");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("says there is nothing to compare with before the first commit, and exits 0", async () => {
    copyFileSync(BASE, spec());
    expect(await main()).toMatchObject({ code: 0, output: expect.stringMatching(/no commit yet/) });
  });

  it("says so when the only commit has no parent", async () => {
    git("add", ".");
    git("commit", "--quiet", "-m", "base spec");
    expect(await main()).toMatchObject({ code: 0, output: expect.stringMatching(/no parent commit/) });
  });

  it("compares a branch with where it left main, and fails a breaking change", async () => {
    git("checkout", "--quiet", "-b", "feature");
    copyFileSync(fixture("breaking-removed-operation"), spec());
    git("commit", "--quiet", "-am", "drop source invitations");
    git("commit", "--quiet", "--allow-empty", "-m", "unrelated");
    const { code, output } = await main();
    expect(code).toBe(1);
    expect(output).toMatch(/merge-base\(HEAD, main\)/);
    expect(output).toContain("Path `/invitations/source` was removed.");
  });

  it("takes --base, and compares the spec as it is on disk", async () => {
    copyFileSync(fixture("breaking-major-bump"), spec()); // uncommitted
    expect((await main()).code).toBe(0);
    expect((await main(["--base", "HEAD"])).code).toBe(0);
    copyFileSync(BASE, spec());
    // HEAD has the operation removed, the disk has it back: adding is not breaking
    expect((await main(["--base", "HEAD"])).code).toBe(0);
    expect((await main(["--base", "no-such-ref"])).code).toBe(2);
  });

  it("says the spec is unchanged without running redocly, and takes the base from SPEC_DIFF_BASE", async () => {
    copyFileSync(fixture("breaking-removed-operation"), spec()); // as committed at HEAD
    expect(await runSpecDiff({ repoDir: repo, specPath: spec(), base: "HEAD" })).toEqual({
      kind: "unchanged",
      base: expect.stringMatching(/^HEAD \([0-9a-f]{12}\):spec\/api\.yaml$/),
    });
    expect(await main([], { SPEC_DIFF_BASE: "HEAD" })).toMatchObject({
      code: 0,
      output: expect.stringMatching(/unchanged since HEAD/),
    });
    expect((await main([], { SPEC_DIFF_BASE: "no-such-ref" })).code).toBe(2);
    // the gates call runSpecDiff() with no base: it reads SPEC_DIFF_BASE itself, as CI sets it for them
    const env = { SPEC_DIFF_BASE: "no-such-ref" };
    await expect(runSpecDiff({ repoDir: repo, specPath: spec(), env })).rejects.toThrow(
      /--base no-such-ref is not a commit/,
    );
    copyFileSync(BASE, spec());
  });

  it("skips a base that has no spec file", async () => {
    const emptyTree = git("mktree").trim();
    git("branch", "empty", git("commit-tree", emptyTree, "-m", "no spec here").trim());
    const { code, output } = await main(["--base", "empty"]);
    expect(code).toBe(0);
    expect(output).toMatch(/does not exist at empty/);
  });
});
