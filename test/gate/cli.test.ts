// The gate's command line: parsed with node:util parseArgs, refusing with one line and exit
// 2, never turning live without --target, and telling a crash (exit 3, with the stack) from a
// verdict. Spawned as a user runs it where that matters, in-process for the rest.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityOf, type StandIn, startStandIn } from "../../contract-tests/lib/stand-in-server.ts";
import { repoDeps } from "../../scripts/lib/contract/repo.ts";
import { inRoot, ROOT } from "../../scripts/lib/paths.ts";
import { run } from "../../scripts/lib/run.ts";
import { parseCommand, UsageError, usage } from "../../src/gate/cli/args.ts";
import { runCli } from "../../src/gate/cli/main.ts";
import { captureIo } from "../support/capture.ts";

const KEY = "cli-test-KEY-do-not-print";
const EMAIL = "cli@example.com";

describe("parseCommand", () => {
  it("runs the mock gate without --target, whatever the environment says", () => {
    expect(parseCommand([], "repo")).toEqual({ kind: "mock" });
    expect(parseCommand(["--report-dir", "out"], "repo")).toEqual({ kind: "mock", reportDir: "out" });
  });

  it("runs live only with --target", () => {
    expect(parseCommand(["--target", "https://app.leadconduit.com", "--dry-run"], "repo")).toEqual({
      kind: "live",
      target: "https://app.leadconduit.com",
      dryRun: true,
    });
    expect(parseCommand(["--target=https://x.test", "--entity-id", "abc", "--report-dir", "r"], "bin")).toMatchObject({
      kind: "live",
      entityId: "abc",
      reportDir: "r",
    });
  });

  it("takes --timeout in ms for a live run, and --operation as often as given, mock or live", () => {
    expect(
      parseCommand(["--target", "https://x.test", "--timeout", "2500", "--operation", "a", "--operation", "b"], "bin"),
    ).toEqual({ kind: "live", target: "https://x.test", dryRun: false, timeoutMs: 2500, operations: ["a", "b"] });
    expect(parseCommand(["--operation", "a", "--operation", "a"], "repo")).toEqual({ kind: "mock", operations: ["a"] });
  });

  it.each([
    [["--bogus-flag"], /^unknown option --bogus-flag \(see --help\)$/],
    [["--timeout", "5000"], /^--timeout needs --target/],
    [
      ["--target", "https://x.test", "--timeout", "0"],
      /^--timeout takes a whole number of milliseconds from 1 to 2147483647, got "0"$/,
    ],
    [["--target", "https://x.test", "--timeout", "2s"], /^--timeout takes a whole number of milliseconds/],
    [["--target", "https://x.test", "--timeout", "1e3"], /^--timeout takes a whole number of milliseconds/],
    [["--target", "https://x.test", "--timeout", "2147483648"], /^--timeout takes a whole number of milliseconds/],
    [["--operation", " "], /^--operation needs a value, got an empty string$/],
    [["extra"], /^unexpected argument "extra"/],
    [["--target"], /^--target needs a value$/],
    [["--dry-run=yes"], /^--dry-run takes no value$/],
    [["--target", "not a url"], /^--target "not a url" is not a URL/],
    [["--target", "ftp://x.test"], /^--target must be an http\(s\) URL/],
    [["--target", "https://user:pw@x.test"], /must not contain credentials/],
    [
      ["--target", "http://api.example.com"],
      /^--target http:\/\/api\.example\.com would get the API key in clear text/,
    ],
    [["--report-dir", ""], /^--report-dir needs a value/],
    [["--dry-run"], /^--dry-run needs --target/],
    [["--entity-id", "x"], /^--entity-id needs --target/],
    [["--tests-only"], /^unknown option --tests-only/],
  ])("refuses %j with one line naming it", (argv, message) => {
    let error: unknown;
    try {
      parseCommand(argv, "repo");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("the bin needs --target", () => {
    expect(() => parseCommand([], "bin")).toThrow(/--target <url> is required/);
    expect(() => parseCommand(["--report-dir", "r"], "bin")).toThrow(/--target <url> is required/);
  });

  // what --help says and what the parser takes come from one table; held to each other here by
  // behaviour, so a help line for a flag the parser refuses (or the reverse) fails
  for (const program of ["repo", "bin"] as const)
    it(`${program}: every flag --help names is taken, with a value where --help shows one, and none other`, () => {
      const text = usage(program);
      const named = [...text.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)( <[a-z]+>)?/gm)].map((m) => ({
        flag: m[1]!,
        takesValue: m[2] !== undefined,
      }));
      expect(named.map((n) => n.flag)).toEqual(expect.arrayContaining(["--target", "--help", "--version"]));
      for (const { flag, takesValue } of named) {
        const argv = [...(flag === "--target" ? [] : ["--target", "https://x.test"]), flag];
        const values: Record<string, string> = {
          "--target": "https://x.test",
          "--entity-id": "5fd4371e940df5a34a3888b2",
          "--timeout": "5000",
        };
        const value = values[flag] ?? "out";
        expect(() => parseCommand(takesValue ? [...argv, value] : argv, program), flag).not.toThrow();
        const wrong = takesValue ? [...argv] : [...argv.slice(0, -1), `${flag}=x`];
        expect(() => parseCommand(wrong, program), `${flag} misused`).toThrow(UsageError);
      }
      expect(() => parseCommand(["--not-in-help"], program)).toThrow(/unknown option --not-in-help/);
    });
});

describe("runCli in-process", () => {
  it("an environment variable alone never starts a live run", async () => {
    const standIn = await startStandIn(KEY);
    try {
      const mockRuns: unknown[] = [];
      const io = captureIo({
        LEADCONDUIT_BASE_URL: standIn.url,
        LEADCONDUIT_API_KEY: KEY,
        LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
      });
      const code = await runCli([], io, {
        ...repoDeps,
        runMock: async (command) => {
          mockRuns.push(command);
          return 0;
        },
      });
      expect(code).toBe(0);
      expect(mockRuns).toEqual([{ kind: "mock" }]);
      expect(standIn.requests).toHaveLength(0);
      expect(io.err.join("\n")).toMatch(/LEADCONDUIT_BASE_URL is ignored/);
    } finally {
      await standIn.close();
    }
  });

  it("a bug inside the gate exits 3 with the stack, not as a refusal, and without the key; the step summary says could not check", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-crash-"));
    const summary = join(dir, "summary.md");
    const io = captureIo({ LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL, GITHUB_STEP_SUMMARY: summary });
    const code = await runCli(["--target", "https://x.test"], io, {
      ...repoDeps,
      loadSpec: async () => {
        const spec = undefined as unknown as { operations: unknown[] };
        return spec.operations as never; // TypeError: a deliberate bug
      },
    });
    expect(code).toBe(3);
    const said = io.err.join("\n");
    expect(said).toMatch(/the gate itself failed/);
    expect(said).toMatch(/TypeError/);
    expect(said).toMatch(/\n\s+at /);
    expect(said).not.toMatch(/Refusing/i);
    const markdown = readFileSync(summary, "utf8");
    rmSync(dir, { recursive: true, force: true });
    expect(markdown).toMatch(
      /^## ⚠️ Contract gate: COULD NOT CHECK\n\n> \*\*Exit 3\*\*: the gate itself failed, which is not a verdict on the contract: `TypeError: /,
    );
    expect(markdown).not.toContain(KEY);
  });

  it("takes the key out of a crash's message", async () => {
    const io = captureIo({ LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL });
    const code = await runCli(["--target", "https://x.test"], io, {
      ...repoDeps,
      loadSpec: async () => {
        throw new Error(`exploded near ${KEY}`);
      },
    });
    expect(code).toBe(3);
    expect(io.text()).not.toContain(KEY);
    expect(io.text()).toContain("[REDACTED]");
  });

  it("--version prints the package version", async () => {
    const io = captureIo();
    expect(await runCli(["--version"], io, repoDeps)).toBe(0);
    expect(io.out).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });
});

describe("npm run contract, spawned as a user runs it", () => {
  const CONTRACT = inRoot("scripts", "contract.ts");
  let drifted: StandIn;
  let temp: string;
  const env = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...extra,
  });
  const contract = (args: string[], extra: Record<string, string> = {}) =>
    // from the repository's root, as `npm run contract` runs it
    run(process.execPath, ["--import", "tsx", CONTRACT, ...args], { cwd: ROOT, env: env(extra), timeoutMs: 60_000 });
  const secrets = { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL };

  beforeAll(async () => {
    drifted = await startStandIn(
      KEY,
      entityOf("createSourceInvitation", (e) => delete e.name),
    );
    temp = mkdtempSync(join(tmpdir(), "cli-test-"));
  });
  afterAll(async () => {
    await drifted.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it.concurrent("--help prints the usage and runs nothing", async () => {
    const ran = await contract(["--help"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Usage: npm run contract -- [options]");
    expect(ran.stdout).toContain("Exit codes:");
    expect(ran.stdout).not.toContain("▶");
    expect(ran.stderr).toBe("");
  });

  it.concurrent("an unknown flag exits 2 with one line on stderr", async () => {
    const ran = await contract(["--bogus-flag"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split("\n")).toEqual(["contract: unknown option --bogus-flag (see --help)"]);
    expect(ran.stdout).toBe("");
  });

  it.concurrent("a drifted server exits 1, naming the violation; no ANSI codes and no key in piped output", async () => {
    const broken = await contract(["--target", drifted.url, "--report-dir", join(temp, "broken")], secrets);
    expect(broken.code, broken.stderr).toBe(1);
    expect(broken.stdout).toMatch(/createSourceInvitation valid-call \[200 \/entity\/name\]/);
    expect(`${broken.stdout}${broken.stderr}`).not.toContain(KEY);
    expect(`${broken.stdout}${broken.stderr}`).not.toContain("\u001b[");
  });
});
