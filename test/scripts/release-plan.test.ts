// npm run release:plan in a scratch repository: a tagged release, a spec changed since, the
// version that follows and the CHANGELOG section; --write and release.yml's --check-tag.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANGELOG_HEADER, ChangelogError, unreleasedOf, withRelease } from "../../scripts/lib/changelog.ts";
import { bumped, planRelease, ReleasePlanError, releasePlanMain } from "../../scripts/lib/release-plan.ts";
import { gitIn } from "../support/git.ts";
import { type Doc, op, patched, prop, RESEND, SOURCE, schema } from "./spec-diff/cases.ts";

const TODAY = new Date("2025-06-01T12:00:00Z");

let repo: string;
const file = (...parts: string[]) => join(repo, ...parts);
const git = gitIn(() => repo);
const writeSpec = (patch?: (s: Doc) => void) => writeFileSync(file("spec", "api.yaml"), patched(patch));
const writePackage = (version: string) => {
  writeFileSync(file("package.json"), `${JSON.stringify({ name: "x", version }, null, 2)}\n`);
  writeFileSync(
    file("package-lock.json"),
    `${JSON.stringify({ name: "x", version, lockfileVersion: 3, packages: { "": { name: "x", version } } }, null, 2)}\n`,
  );
};
const commit = (message: string) => {
  git("add", ".");
  git("commit", "--quiet", "--allow-empty", "-m", message);
};
const options = () => ({ repoDir: repo, specPath: file("spec", "api.yaml"), packageJson: file("package.json") });
const main = async (argv: string[] = [], env: Record<string, string> = {}) => {
  const lines: string[] = [];
  const log = (l: string) => lines.push(l);
  const code = await releasePlanMain(argv, { ...options(), log, error: log, env, today: TODAY });
  return { code, output: lines.join("\n") };
};
const released = (version: string) => {
  writePackage(version);
  commit(`release ${version}`);
  git("tag", `v${version}`);
};

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "release-plan-"));
  mkdirSync(file("spec"));
  git("init", "--quiet", "--initial-branch=main");
  writeSpec();
  writePackage("1.0.0");
  commit("first");
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("planRelease", () => {
  it("plans the first release from package.json when no release tag exists, listing the operations", async () => {
    const plan = await planRelease(options());
    expect(plan).toMatchObject({ next: "1.0.0", bump: "first", why: expect.stringMatching(/no v\*\.\*\.\* tag/) });
    expect(plan.entries.get("Added")![0]).toMatch(
      /^First release, for spec-diff fixture 1\.0\.0: `POST \/invitations\/recipient` \(createRecipientInvitation\), /,
    );
  });

  it.each<[string, (s: Doc) => void, string, string]>([
    ["breaking", (s) => delete s.paths[SOURCE], "2.0.0", "major"],
    ["additive", (s) => (schema(s, "InvitationResponse").properties.note = { type: "string" }), "1.3.0", "minor"],
    ["editorial", (s) => (schema(s, "InvitationRequest").description = "Whom to invite."), "1.2.4", "patch"],
  ])("a %s change since the last release", async (verdict, change, next, bump) => {
    git("tag", "v1.2.3");
    writeSpec(change);
    const plan = await planRelease(options());
    expect(plan).toMatchObject({ last: { tag: "v1.2.3", version: "1.2.3" }, next, bump });
    expect(plan.why).toMatch(new RegExp(`spec/api\\.yaml has 1 ${verdict} change since v1\\.2\\.3`));
  });

  it("takes the newest release tag reachable from HEAD, by version, and ignores other tags", async () => {
    git("tag", "v1.9.0");
    git("tag", "v1.10.0");
    git("tag", "v2.0.0-rc.1");
    git("tag", "nightly");
    git("checkout", "--quiet", "-b", "side");
    git("commit", "--quiet", "--allow-empty", "-m", "x");
    git("tag", "v9.0.0"); // on a branch HEAD will not be on
    git("checkout", "--quiet", "main");
    writeSpec((s) => (op(s, RESEND).responses["404"] = { description: "No such entity" }));
    expect(await planRelease(options())).toMatchObject({ last: { tag: "v1.10.0" }, next: "1.11.0" });
  });

  it("plans a patch when only something other than the spec changed, and nothing when nothing did", async () => {
    git("tag", "v1.0.0");
    const nothing = await planRelease(options());
    expect([nothing.next, nothing.why]).toEqual([undefined, "nothing changed since v1.0.0"]);
    writeFileSync(file("README.md"), "x\n");
    commit("docs");
    expect(await planRelease(options())).toMatchObject({
      next: "1.0.1",
      bump: "patch",
      why: "spec/api.yaml has no change a client can see since v1.0.0; other changes: 1 commit since",
    });
  });

  it("treats a spec the last release did not have as all new", async () => {
    git("rm", "--quiet", "-r", "spec");
    commit("no spec yet");
    git("tag", "v0.1.0");
    mkdirSync(file("spec"));
    writeSpec();
    const plan = await planRelease(options());
    expect(plan).toMatchObject({ next: "0.2.0", bump: "minor" });
    expect(plan.diff!.changes.filter((c) => c.rule === "operation-added")).toHaveLength(3);
  });

  it("refuses a package.json without a semver version", async () => {
    writeFileSync(file("package.json"), '{"version": "one"}\n');
    await expect(planRelease(options())).rejects.toThrow(ReleasePlanError);
    await expect(planRelease(options())).rejects.toThrow(/has no semver version \(found "one"\)/);
  });
});

describe("npm run release:plan", () => {
  it("prints the next version and the CHANGELOG section written from the diff's rows", async () => {
    released("1.0.0");
    writeSpec((s) => {
      delete s.paths[SOURCE];
      schema(s, "InvitationResponse").properties.note = { type: "string" };
      prop(s, "Entity", "description").deprecated = true;
      schema(s, "InvitationRequest").description = "Whom to invite.";
      s.info.version = "2.0.0";
    });
    const { code, output } = await main();
    expect(code).toBe(0);
    expect(output).toContain("last release: v1.0.0 (");
    expect(output).toContain("spec since v1.0.0: 1 breaking, 2 additive, 2 editorial (info.version 1.0.0 → 2.0.0)");
    expect(output).toContain("next version: 2.0.0 (major: spec/api.yaml has 1 breaking change since v1.0.0)");
    const section = output.slice(output.indexOf("## [2.0.0] - 2025-06-01"));
    expect(section).toMatch(
      /### Added\n\n- `InvitationResponse.note`: new property \(POST \/invitations\/recipient, PUT /,
    );
    expect(section).toMatch(
      /### Changed\n\n- info\.version 1\.0\.0 → 2\.0\.0\n- `InvitationRequest`: description changed/,
    );
    expect(section).toMatch(/### Deprecated\n\n- `Entity.description`: deprecated/);
    expect(section).toMatch(/### Removed\n\n- \*\*Breaking:\*\* `POST \/invitations\/source`: operation removed/);
    expect(section.indexOf("### Added")).toBeLessThan(section.indexOf("### Changed"));
    expect(section.indexOf("### Deprecated")).toBeLessThan(section.indexOf("### Removed"));
  });

  it("notes a spec whose info.version did not move with the API", async () => {
    released("1.0.0");
    writeSpec((s) => (schema(s, "InvitationResponse").properties.note = { type: "string" }));
    expect((await main()).output).toContain("note: the spec's info.version is still 1.0.0");
  });

  it("--write creates CHANGELOG.md, sets package.json's and the lock's version, and will not write a version twice", async () => {
    released("1.0.0");
    writeSpec((s) => (schema(s, "InvitationResponse").properties.note = { type: "string" }));
    expect(await main(["--write"])).toMatchObject({
      code: 0,
      output: expect.stringContaining("wrote CHANGELOG.md, package.json, package-lock.json"),
    });
    const changelog = readFileSync(file("CHANGELOG.md"), "utf8");
    expect(changelog.startsWith(CHANGELOG_HEADER)).toBe(true);
    expect(changelog).toContain(
      "## [Unreleased]\n\n## [1.1.0] - 2025-06-01\n\n### Added\n\n- `InvitationResponse.note`: new property",
    );
    expect(JSON.parse(readFileSync(file("package.json"), "utf8")).version).toBe("1.1.0");
    const lock = JSON.parse(readFileSync(file("package-lock.json"), "utf8"));
    expect([lock.version, lock.packages[""].version]).toEqual(["1.1.0", "1.1.0"]);
    expect(await main(["--write"])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/already has a section for 1\.1\.0/),
    });
  });

  it("--write with nothing to release writes nothing", async () => {
    released("1.0.0");
    expect(await main(["--write"])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/nothing to write: nothing changed since v1\.0\.0/),
    });
    expect(existsSync(file("CHANGELOG.md"))).toBe(false);
  });

  it("refuses --write with --check-tag, and unknown flags", async () => {
    expect((await main(["--write", "--check-tag", "v1.0.0"])).code).toBe(2);
    expect(await main(["--bump"])).toMatchObject({
      code: 2,
      output: expect.stringContaining("Usage: npm run release:plan"),
    });
  });
});

describe("--check-tag, as release.yml runs it on the tag it publishes", () => {
  const summary = () => file("summary.md");
  beforeEach(() => {
    released("1.0.0");
    writeSpec((s) => (schema(s, "InvitationResponse").properties.note = { type: "string" }));
  });

  it("passes the planned version, plans from the release before the tag, and writes the plan to the job summary", async () => {
    released("1.1.0");
    const { code, output } = await main(["--check-tag", "v1.1.0"], { GITHUB_STEP_SUMMARY: summary() });
    expect(code).toBe(0);
    expect(output).toContain("last release: v1.0.0");
    expect(output).toContain("✅ v1.1.0 is the planned release");
    expect(readFileSync(summary(), "utf8")).toMatch(
      /^## Release v1\.1\.0\n\n✅ v1\.1\.0 is the planned release\n\n```\nrelease:plan\n/,
    );
  });

  it("passes a bigger step than the spec needs (a breaking change outside the spec)", async () => {
    released("2.0.0");
    expect((await main(["--check-tag", "v2.0.0"])).code).toBe(0);
  });

  it.each([
    [
      "1.0.1",
      /v1\.0\.1 does not follow v1\.0\.0: spec\/api\.yaml has 1 additive change since v1\.0\.0, so the release is 1\.1\.0 or 2\.0\.0/,
    ],
    ["1.2.0", /v1\.2\.0 does not follow v1\.0\.0/],
  ])("fails v%s, which the plan does not allow, and says why in the summary", async (version, message) => {
    released(version);
    const { code, output } = await main(["--check-tag", `v${version}`], { GITHUB_STEP_SUMMARY: summary() });
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(readFileSync(summary(), "utf8")).toContain("❌");
  });

  it("fails a tag that is not package.json's version", async () => {
    released("1.1.0");
    expect(await main(["--check-tag", "v1.1.1"])).toMatchObject({
      code: 1,
      output: expect.stringMatching(/not package\.json's version \(1\.1\.0\)/),
    });
  });

  it("refuses a tag that is not a release tag", async () => {
    expect(await main(["--check-tag", "latest"])).toMatchObject({
      code: 2,
      output: expect.stringMatching(/latest is not a release tag/),
    });
  });
});

describe("the CHANGELOG section", () => {
  const entries = new Map([["Added" as const, ["`X.y`: new property"]]]);

  it("takes along what maintainers wrote under [Unreleased], first in each section", () => {
    const changelog = `${CHANGELOG_HEADER}\nA note on this release.\n\n### Fixed\n\n- Retries honour Retry-After\n  (hand-written, two lines).\n\n### Added\n\n- A hand-written entry\n\n## [1.0.0] - 2025-01-01\n\n### Added\n\n- First release\n`;
    const text = withRelease(changelog, "1.1.0", "2025-06-01", entries);
    expect(text).toContain(
      "## [Unreleased]\n\n## [1.1.0] - 2025-06-01\n\nA note on this release.\n\n### Added\n\n- A hand-written entry\n- `X.y`: new property\n\n### Fixed\n\n- Retries honour Retry-After\n  (hand-written, two lines).\n\n## [1.0.0] - 2025-01-01",
    );
    expect(unreleasedOf(text).entries.size).toBe(0);
  });

  it("adds an [Unreleased] heading to a changelog that has none, above the releases", () => {
    const text = withRelease("# Changelog\n\n## [1.0.0] - 2025-01-01\n\n- x\n", "1.0.1", "2025-06-01", entries);
    expect(text).toBe(
      "# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2025-06-01\n\n### Added\n\n- `X.y`: new property\n\n## [1.0.0] - 2025-01-01\n\n- x\n",
    );
  });

  it("refuses a version the changelog already has", () => {
    const once = withRelease(undefined, "1.0.1", "2025-06-01", entries);
    expect(() => withRelease(once, "1.0.1", "2025-06-02", entries)).toThrow(ChangelogError);
  });

  it("bumps versions the semver way", () => {
    expect([bumped([1, 2, 3], "major"), bumped([1, 2, 3], "minor"), bumped([1, 2, 3], "patch")]).toEqual([
      "2.0.0",
      "1.3.0",
      "1.2.4",
    ]);
  });
});
