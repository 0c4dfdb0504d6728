// The `bin` step of `npm run check:package`: the packed tarball installed into a fresh folder
// (no devDependency anywhere near it), and its `leadconduit-contract` bin run as a downstream
// CI would run it, against stand-in servers on loopback: one that keeps the spec, one that
// drifted, one that echoes the key, plus the help, a refusal and a crash.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  echoing,
  entityOf,
  type StandIn,
  startStandIn,
  type Tamper,
} from "../../contract-tests/lib/stand-in-server.ts";
import { basicAuthorization } from "../../src/client/auth.ts";
import { type ContractReport, REPORT_FORMAT } from "../../src/gate/report/model.ts";
import { childEnv } from "../../src/gate/terminal.ts";
import { NPM_INSTALL } from "./npm-install.ts";
import type { Packed } from "./pack.ts";
import { PATHS } from "./paths.ts";
import { type RunResult, run, type StepOutcome, tail } from "./run.ts";

const KEY = "bin-check-KEY-must-not-leak-7";
const EMAIL = "contract-bin@example.com";
const BROKEN_OPERATION = "createRecipientInvitation";

interface Scenario {
  name: string;
  args: (url: string) => string[];
  tamper?: Tamper;
  env?: Record<string, string>;
  /** returns what is wrong, or "" */
  expect: (ran: BinRun) => string;
}

interface BinRun {
  result: RunResult;
  report?: ContractReport;
  summary: string;
  /** everything the run wrote: output, reports, summary */
  everything: string;
  requests: number;
}

export async function checkBin(packed: Packed): Promise<StepOutcome> {
  const temp = mkdtempSync(join(tmpdir(), "lc-bin-"));
  try {
    const app = join(temp, "app");
    const problem = await install(app, packed.tarball);
    if (problem) return { ok: false, note: problem };
    const failures: string[] = [];
    for (const scenario of scenarios(app)) {
      const ran = await runScenario(app, scenario);
      const wrong =
        ran.everything.includes(KEY) || ran.everything.includes(basicAuthorization(KEY).slice(6))
          ? "the key appeared in the output or a report"
          : scenario.expect(ran);
      if (wrong) failures.push(`${scenario.name}: ${wrong}\n${tail(ran.result, 12)}`);
    }
    if (failures.length)
      return {
        ok: false,
        note: `${failures.length} of ${scenarios(app).length} bin scenarios failed\n${failures.join("\n")}`,
      };
    return {
      ok: true,
      note: `leadconduit-contract from the tarball, no devDependency installed: ${scenarios(app)
        .map((s) => s.name)
        .join("; ")}`,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function install(app: string, tarball: string): Promise<string | undefined> {
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify({ name: "lc-bin-user", version: "0.0.0", private: true }, null, 2)}\n`,
  );
  const env = childEnv(process.env, false);
  const installed = await run("npm", [...NPM_INSTALL, "--ignore-scripts", tarball], {
    cwd: app,
    env,
    timeoutMs: 180_000,
  });
  if (installed.code !== 0) return `npm install of the tarball exited ${installed.code}\n${tail(installed)}`;
  if (!existsSync(join(app, "node_modules", ".bin", "leadconduit-contract")))
    return "the tarball's install linked no leadconduit-contract bin";
  const dev = Object.keys(
    (JSON.parse(readFileSync(PATHS.packageJson, "utf8")) as { devDependencies?: Record<string, string> })
      .devDependencies ?? {},
  );
  const strays = dev.filter((dep) => existsSync(join(app, "node_modules", dep)));
  return strays.length ? `installing the tarball pulled in devDependencies: ${strays.join(", ")}` : undefined;
}

function scenarios(app: string): Scenario[] {
  const code = (want: number) => (ran: BinRun) =>
    ran.result.code === want ? "" : `exit ${ran.result.code}, expected ${want}`;
  const all =
    (...checks: ((ran: BinRun) => string)[]) =>
    (ran: BinRun) =>
      checks.map((c) => c(ran)).find(Boolean) ?? "";
  return [
    {
      name: "--help exits 0",
      args: () => ["--help"],
      expect: all(code(0), (r) =>
        r.result.stdout.includes("Exit codes:") && r.requests === 0 ? "" : "no usage text, or a request was sent",
      ),
    },
    {
      name: "no --target exits 2",
      args: () => [],
      expect: all(code(2), (r) => (r.requests === 0 ? "" : "a request was sent")),
    },
    {
      name: "conforming server exits 0",
      args: (url) => ["--target", url],
      expect: all(
        code(0),
        (r) => (r.report?.format === REPORT_FORMAT && r.report.ok ? "" : "no passing report"),
        (r) => (r.summary.includes("Contract gate (live)") ? "" : "no step summary"),
      ),
    },
    {
      name: "drifted server exits 1 naming /entity/name",
      args: (url) => ["--target", url],
      tamper: entityOf(BROKEN_OPERATION, (e) => delete e.name),
      env: { GITHUB_ACTIONS: "true" },
      expect: all(
        code(1),
        (r) =>
          r.report?.violations.some(
            (v) => v.operationId === BROKEN_OPERATION && v.path === "/entity/name" && v.status === 200,
          )
            ? ""
            : "no violation at /entity/name",
        (r) =>
          r.result.stdout.includes("::error ") && r.summary.includes("/entity/name")
            ? ""
            : "no annotation or summary line",
      ),
    },
    {
      name: "echoing server: the key appears nowhere",
      args: (url) => ["--target", url],
      tamper: echoing(KEY, BROKEN_OPERATION),
      expect: code(1),
    },
    {
      name: "unwritable --report-dir exits 3 with the stack",
      args: (url) => ["--target", url, "--report-dir", join(app, "package.json")],
      expect: all(code(3), (r) => (/\n\s+at /.test(r.result.stderr) ? "" : "no stack on stderr")),
    },
  ];
}

async function runScenario(app: string, scenario: Scenario): Promise<BinRun> {
  const standIn: StandIn = await startStandIn(KEY, scenario.tamper);
  const reportDir = join(app, "reports");
  const summaryFile = join(app, "summary.md");
  rmSync(reportDir, { recursive: true, force: true });
  writeFileSync(summaryFile, "");
  try {
    // a downstream CI's environment: PATH and HOME, the secrets, nothing of this repository
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? app,
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...scenario.env,
    };
    const result = await run(join(app, "node_modules", ".bin", "leadconduit-contract"), scenario.args(standIn.url), {
      cwd: app,
      env,
      timeoutMs: 60_000,
    });
    const reportFile = join(reportDir, "contract-live.json");
    const junitFile = join(reportDir, "contract-live.junit.xml");
    const reportText = existsSync(reportFile) ? readFileSync(reportFile, "utf8") : "";
    const summary = readFileSync(summaryFile, "utf8");
    const junit = existsSync(junitFile) ? readFileSync(junitFile, "utf8") : "";
    return {
      result,
      ...(reportText ? { report: JSON.parse(reportText) as ContractReport } : {}),
      summary,
      everything: [result.stdout, result.stderr, reportText, junit, summary].join("\n"),
      requests: standIn.requests.length,
    };
  } finally {
    await standIn.close();
  }
}
