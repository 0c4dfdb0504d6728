// The `leadconduit-contract` bin from the tarball (installed in the app of
// test/support/package/app.ts: the package and its dependencies, no devDependency), run as a
// downstream CI runs it, with nothing of this repository in its environment, against stand-in
// servers on loopback (the kit's mock behind node:http): one that keeps the spec, one that
// drifted, one that echoes the key, one that is gone; plus the help, a refusal and a crash. The
// key appears in nothing it writes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { echoing, entityOf, startStandIn, type Tamper } from "../../contract-tests/lib/stand-in-server.ts";
import { basicAuthorization } from "../../src/client/auth.ts";
import { type ContractReport, REPORT_FORMAT } from "../../src/gate/report/model.ts";
import type { App } from "../support/package/app.ts";
import { type Ran, run } from "../support/package/process.ts";
import { installedApp } from "../support/package/resources.ts";

const KEY = "bin-check-KEY-must-not-leak-7";
const EMAIL = "contract-bin@example.com";
const BROKEN_OPERATION = "createRecipientInvitation";

let app: App;
beforeAll(async () => {
  app = await installedApp();
});

interface BinRun {
  ran: Ran;
  report?: ContractReport;
  summary: string;
  /** every request the stand-in received */
  requests: number;
}

/** Runs the bin in a folder of its own (reports, summary) against a stand-in bent by `tamper`. */
async function runBin(
  args: (url: string) => string[],
  tamper?: Tamper,
  extraEnv: (url: string) => Record<string, string> = () => ({}),
): Promise<BinRun> {
  const standIn = await startStandIn(KEY, tamper);
  const cwd = mkdtempSync(join(app.dir, "bin-run-"));
  const summaryFile = join(cwd, "summary.md");
  writeFileSync(summaryFile, "");
  try {
    // a downstream CI's environment: PATH and HOME, the secrets, nothing of this repository
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? cwd,
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...extraEnv(standIn.url),
    };
    const bin = join(app.dir, "node_modules", ".bin", "leadconduit-contract");
    const ran = await run(bin, args(standIn.url), { cwd, env, timeoutMs: 60_000, ok: [0, 1, 2, 3] });
    const reportFile = join(cwd, "reports", "contract-live.json");
    const written = [reportFile, join(cwd, "reports", "contract-live.junit.xml"), summaryFile]
      .filter(existsSync)
      .map((f) => readFileSync(f, "utf8"));
    const everything = [ran.stdout, ran.stderr, ...written].join("\n");
    expect(everything.includes(KEY) || everything.includes(basicAuthorization(KEY).slice(6)), "the key leaked").toBe(
      false,
    );
    return {
      ran,
      ...(existsSync(reportFile) ? { report: JSON.parse(readFileSync(reportFile, "utf8")) as ContractReport } : {}),
      summary: readFileSync(summaryFile, "utf8"),
      requests: standIn.requests.length,
    };
  } finally {
    await standIn.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

describe.concurrent("leadconduit-contract from the tarball", () => {
  it("is linked by the install", () => {
    expect(existsSync(join(app.dir, "node_modules", ".bin", "leadconduit-contract"))).toBe(true);
  });

  it("prints its help, exits 0 and sends nothing", async () => {
    const { ran, requests } = await runBin(() => ["--help"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Exit codes:");
    expect(requests).toBe(0);
  });

  it("refuses to run without --target, even with LEADCONDUIT_BASE_URL set: exit 2, nothing sent", async () => {
    const { ran, requests } = await runBin(
      () => [],
      undefined,
      (url) => ({ LEADCONDUIT_BASE_URL: url }),
    );
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--target <url> is required/);
    expect(requests).toBe(0);
  });

  it("passes a conforming server: exit 0, a passing report and a step summary", async () => {
    const { ran, report, summary } = await runBin((url) => ["--target", url]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(report).toMatchObject({ format: REPORT_FORMAT, ok: true });
    expect(summary).toContain("Contract gate (live)");
  });

  it("fails a drifted server: exit 1, the violation at /entity/name, an annotation and a summary line", async () => {
    const drift = entityOf(BROKEN_OPERATION, (e) => delete e.name);
    const { ran, report, summary } = await runBin(
      (url) => ["--target", url],
      drift,
      () => ({ GITHUB_ACTIONS: "true" }),
    );
    expect(ran.code).toBe(1);
    expect(report?.violations).toContainEqual(
      expect.objectContaining({ operationId: BROKEN_OPERATION, path: "/entity/name", status: 200 }),
    );
    expect(ran.stdout).toContain("::error ");
    expect(summary).toContain("/entity/name");
  });

  it("says nothing of the key when the server echoes it (exit 1)", async () => {
    const { ran } = await runBin((url) => ["--target", url], echoing(KEY, BROKEN_OPERATION));
    expect(ran.code).toBe(1);
  });

  it("could not check a target that refuses connections: exit 3 naming the cause and the request, COULD NOT CHECK in the summary", async () => {
    const closed = await startStandIn(KEY);
    await closed.close();
    const { ran, report, summary } = await runBin(() => ["--target", closed.url]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(3);
    expect(ran.stdout).toContain(
      `could not check: connection refused (ECONNREFUSED), at POST ${closed.url}/invitations/`,
    );
    expect(report).toMatchObject({ ok: false, unchecked: { cause: "connection refused (ECONNREFUSED)" } });
    expect(summary).toMatch(/: COULD NOT CHECK\n/);
  });

  it("exits 3 with the stack when it cannot write its report", async () => {
    const { ran } = await runBin((url) => ["--target", url, "--report-dir", join(app.dir, "package.json")]);
    expect(ran.code).toBe(3);
    expect(ran.stderr).toMatch(/\n\s+at /);
  });
});
