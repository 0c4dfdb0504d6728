// The breaking-change gate: the engine's changes weighed against info.version, printed under
// headings named after their verdicts, and the base found in git and named by what it is.
// Specs are the rule fixtures' base (test/fixtures/spec-diff/base.yaml) with a patch.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitError } from "../../scripts/lib/git.ts";
import { SpecDiffError } from "../../scripts/lib/spec-diff/document.ts";
import { formatSpecDiff } from "../../scripts/lib/spec-diff/report.ts";
import {
  diffSpecFiles,
  isMajorBump,
  judgeSpecs,
  runSpecDiff,
  specDiffMain,
  specDiffSection,
} from "../../scripts/lib/spec-diff.ts";
import { gitIn } from "../support/git.ts";
import { type Doc, op, patched, prop, RESEND, SOURCE, schema } from "./spec-diff/cases.ts";

const version = (v: string) => (s: Doc) => {
  s.info.version = v;
};
const both =
  (...patches: ((s: Doc) => void)[]) =>
  (s: Doc) => {
    for (const p of patches) p(s);
  };
const removeSource = (s: Doc) => delete s.paths[SOURCE];
const judge = (after: (s: Doc) => void) =>
  judgeSpecs({ text: patched(undefined), name: "base.yaml" }, { text: patched(after), name: "spec.yaml" });
const labels = { base: "tag v1.0.0 (abc1234)", revision: "spec.yaml" };

describe("the gate's verdict", () => {
  it("fails a breaking change without a new major, even with a minor bump", () => {
    const result = judge(both(removeSource, version("1.1.0")));
    expect(result).toMatchObject({ ok: false, majorBump: false, baseVersion: "1.0.0", revisionVersion: "1.1.0" });
    expect(result.counts).toEqual({ breaking: 1, additive: 0, editorial: 1 });
    expect(formatSpecDiff(result, labels)).toMatch(
      /FAILED: 1 breaking change needs a major bump .*1\.0\.0 → 1\.1\.0 is not one/,
    );
  });

  it("passes a breaking change released as a new major, and still lists it", () => {
    const result = judge(both(removeSource, version("2.0.0")));
    expect(result).toMatchObject({ ok: true, majorBump: true });
    expect(result.changes.map((c) => c.rule)).toContain("operation-removed");
    expect(formatSpecDiff(result, labels)).toMatch(/Allowed: info.version went from 1\.0\.0 to 2\.0\.0, a major bump/);
  });

  it.each<[string, (s: Doc) => void]>([
    ["an optional response property", (s) => (schema(s, "InvitationResponse").properties.note = { type: "string" })],
    [
      "an optional query parameter",
      (s) => op(s, RESEND).parameters.push({ name: "dryRun", in: "query", schema: { type: "boolean" } }),
    ],
    ["a description edit", (s) => (schema(s, "InvitationRequest").description = "Whom to invite.")],
    ["a newly documented error status", (s) => (op(s, RESEND).responses["404"] = { description: "No such entity" })],
    ["a new value of an enum marked open", (s) => prop(s, "Entity", "recipient").enum.splice(2, 0, "esp")],
  ])("passes a safe change without a new version: %s", (_, after) => {
    const result = judge(after);
    expect(result.ok).toBe(true);
    expect(result.counts.breaking).toBe(0);
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it("refuses a file it cannot read, rather than passing", () => {
    expect(() => diffSpecFiles("no-such-base.yaml", "no-such-revision.yaml")).toThrow(SpecDiffError);
    expect(() => diffSpecFiles("no-such-base.yaml", "x")).toThrow(/cannot read no-such-base\.yaml: ENOENT/);
  });
});

describe("the report", () => {
  const result = judge(
    both(removeSource, (s) => (schema(s, "InvitationResponse").properties.note = { type: "string" }), version("1.1.0")),
  );

  it("prints each change under the heading of its verdict", () => {
    const text = formatSpecDiff(result, labels);
    expect(text).toMatch(/^spec:diff spec\.yaml: tag v1\.0\.0 \(abc1234\) → as it is now\n/);
    expect(text).toContain("1 breaking, 1 additive, 1 editorial");
    const [breaking = -1, additive = -1, editorial = -1] = ["Breaking (1)", "Additive (1)", "Editorial (1)"].map((h) =>
      text.indexOf(`\n${h}\n`),
    );
    expect(breaking).toBeGreaterThan(0);
    expect(additive).toBeGreaterThan(breaking);
    expect(editorial).toBeGreaterThan(additive);
    expect(text.slice(breaking, additive)).toContain(
      "✖ `POST /invitations/source`: operation removed (createSourceInvitation)",
    );
    expect(text.slice(breaking, additive)).toMatch(
      /operation-removed \(request\) · POST \/invitations\/source · tag v1\.0\.0 \(abc1234\):spec\.yaml:\d+/,
    );
    expect(text.slice(additive, editorial)).toContain("+ `InvitationResponse.note`: new property");
    expect(text.slice(editorial)).toContain("· info.version 1.0.0 → 1.1.0");
  });

  it("leaves out the headings of verdicts it has no change for", () => {
    const text = formatSpecDiff(judge(version("1.0.1")), labels);
    expect(text).toContain("Editorial (1)");
    expect(text).not.toMatch(/Breaking|Additive/);
    expect(text).toMatch(/No breaking change\.$/);
  });

  it("gives the gate's report section the verdict of each change", () => {
    const section = specDiffSection({ kind: "compared", result, labels })!;
    expect(section).toMatchObject({
      ok: false,
      breaking: 1,
      additive: 1,
      editorial: 1,
      base: labels.base,
      revision: "spec.yaml",
    });
    expect(section.changes.map((c) => [c.verdict, c.ruleId])).toEqual([
      ["breaking", "operation-removed"],
      ["additive", "response-property-added"],
      ["editorial", "info-version-changed"],
    ]);
    expect(section.changes[1]).toMatchObject({
      side: "response",
      operations: ["POST /invitations/recipient", "PUT /invitations/{entityId}/resend"],
      location: expect.stringMatching(/^spec\.yaml:\d+$/),
    });
    expect(specDiffSection({ kind: "unchanged", base: "b" })).toBeUndefined();
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
  const write = (patch?: (s: Doc) => void) => writeFileSync(spec(), patched(patch));
  const git = gitIn(() => repo);
  const short = (ref: string) => git("rev-parse", "--short", ref);
  const main = async (argv: string[] = [], env: Record<string, string> = {}) => {
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const code = await specDiffMain(argv, { repoDir: repo, specPath: spec(), env, log, error: log });
    return { code, output: lines.join("\n") };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "spec-diff-repo-"));
    mkdirSync(join(repo, "spec"));
    git("init", "--quiet", "--initial-branch=main");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("says there is nothing to compare with before the first commit, and exits 0", async () => {
    write();
    expect(await main()).toMatchObject({ code: 0, output: expect.stringMatching(/no commit yet/) });
  });

  it("says so when the only commit has no parent", async () => {
    git("add", ".");
    git("commit", "--quiet", "-m", "base spec");
    git("tag", "v1.0.0");
    expect(await main()).toMatchObject({ code: 0, output: expect.stringMatching(/no parent commit/) });
  });

  it("compares a branch with where it left main, named so, and fails a breaking change", async () => {
    git("checkout", "--quiet", "-b", "feature");
    write(removeSource);
    git("commit", "--quiet", "-am", "drop source invitations");
    git("commit", "--quiet", "--allow-empty", "-m", "unrelated");
    const { code, output } = await main();
    expect(code).toBe(1);
    expect(output).toContain(`spec:diff spec/api.yaml: merge-base with main (${short("main")}) → as it is now`);
    expect(output).toMatch(/\nBreaking \(1\)\n {2}✖ `POST \/invitations\/source`: operation removed/);
  });

  it("on main, compares with the previous commit, named so", async () => {
    git("checkout", "--quiet", "main");
    write(version("1.0.1"));
    git("commit", "--quiet", "-am", "patch");
    expect(await main()).toMatchObject({
      code: 0,
      output: expect.stringContaining(`spec:diff spec/api.yaml: HEAD~1 (the previous commit, ${short("HEAD~1")})`),
    });
  });

  it("names a --base by what it is: a tag, a branch, a commit", async () => {
    expect((await main(["--base", "v1.0.0"])).output).toContain(`tag v1.0.0 (${short("v1.0.0")})`);
    expect((await main(["--base", "feature"])).output).toContain(`branch feature (${short("feature")})`);
    expect((await main(["--base", git("rev-parse", "v1.0.0")])).output).toContain(`commit ${short("v1.0.0")}`);
    expect((await main(["--base", "HEAD~1"])).output).toContain(`HEAD~1 (${short("HEAD~1")})`);
    expect((await main(["--base", "no-such-ref"])).code).toBe(2);
    await expect(runSpecDiff({ repoDir: repo, specPath: spec(), base: "no-such-ref" })).rejects.toThrow(GitError);
  });

  it("on main with edits not committed yet, compares with HEAD: the last commit's change is not counted again", async () => {
    write(both(version("1.0.1"), removeSource)); // uncommitted; HEAD~1 → HEAD only moved the version
    const { code, output } = await main();
    expect(code).toBe(1);
    expect(output).toContain(
      `spec:diff spec/api.yaml: HEAD (the last commit, ${short("HEAD")}; the edits since are judged)`,
    );
    expect(output).toMatch(/\nBreaking \(1\)\n {2}✖ `POST \/invitations\/source`: operation removed/);
    expect(output).toContain("info.version 1.0.1 → 1.0.1 · 1 breaking, 0 additive, 0 editorial");
  });

  it("compares the spec as it is on disk, and says when it has not changed", async () => {
    write(both(version("1.0.1"), removeSource)); // uncommitted
    expect((await main()).code).toBe(1);
    write(version("1.0.1"));
    expect(await main(["--base", "HEAD"])).toMatchObject({
      code: 0,
      output: `spec:diff: the spec is unchanged since HEAD (${short("HEAD")}).`,
    });
  });

  it("takes the base from SPEC_DIFF_BASE, which the gates read without the command line", async () => {
    const { code, output } = await main([], { SPEC_DIFF_BASE: "feature" });
    expect(code).toBe(0); // adding an operation back is not breaking
    expect(output).toContain(`branch feature (${short("feature")}), from SPEC_DIFF_BASE`);
    expect(output).toMatch(/\nAdditive \(1\)\n {2}\+ `POST \/invitations\/source`: new operation/);
    expect(await main([], { SPEC_DIFF_BASE: "no-such-ref" })).toMatchObject({
      code: 2,
      output: expect.stringMatching(/SPEC_DIFF_BASE no-such-ref is not a commit/),
    });
  });

  it("compares with a file given by --base-file, named by its path", async () => {
    const other = join(repo, "other.yaml");
    writeFileSync(other, patched(removeSource));
    const { code, output } = await main(["--base-file", other]);
    expect(code).toBe(0);
    expect(output).toContain(`spec:diff spec/api.yaml: ${other} → as it is now`);
    expect(output).toMatch(/operation-added \(request\) · POST \/invitations\/source · spec\/api\.yaml:\d+/);
    writeFileSync(other, patched(undefined));
    write(removeSource);
    expect((await main(["--base-file", other])).output).toContain(`POST /invitations/source · ${other}:`);
    write(version("1.0.1"));
    expect((await main(["--base-file", other, "--base", "HEAD"])).code).toBe(2);
    expect((await main(["--base-file", join(repo, "missing.yaml")])).output).toMatch(/cannot read .*missing\.yaml/);
  });

  it("exits 2, saying why, when the spec on disk is not a spec", async () => {
    writeFileSync(spec(), "openapi: 3.1.0\n  - : :\n");
    expect(await main(["--base", "HEAD"])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/is not valid YAML/),
    });
    write(version("1.0.1"));
  });

  it("skips a base that has no spec file", async () => {
    const emptyTree = git("mktree");
    git("branch", "empty", git("commit-tree", emptyTree, "-m", "no spec here"));
    const { code, output } = await main(["--base", "empty"]);
    expect(code).toBe(0);
    expect(output).toMatch(/spec\/api\.yaml does not exist at branch empty/);
  });

  it("refuses an unknown flag with its usage", async () => {
    expect(await main(["--nope"])).toMatchObject({
      code: 2,
      output: expect.stringContaining("Usage: npm run spec:diff"),
    });
  });
});
