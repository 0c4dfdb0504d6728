// `npm run check:package`: packs the package and checks it as a consumer gets it.
//   1. pack         `npm pack`: prepack builds dist/ (ESM + CJS, .d.mts + .d.cts, the spec)
//   2. publint      on the tarball; every message (suggestions included) is a problem
//   3. attw         Are the Types Wrong, strict profile, on the tarball
//   4. consumer     fresh apps install the tarball and the repository as a git dependency
//                   (scripts/lib/consumer.ts)
// Prints one line per step and the tarball's size and files; exits non-zero on any problem.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { checkConsumer } from "./lib/consumer.ts";
import { checkKitConsumer } from "./lib/consumer-kit.ts";
import { type Packed, packTarball } from "./lib/pack.ts";
import { run, tail } from "./lib/run.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = (name: string) => join(ROOT, "node_modules", ".bin", name);
const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

interface StepOutcome {
  ok: boolean;
  note: string;
}

const rows: { name: string; ok: boolean; ms: number; note: string }[] = [];
const failures: string[] = [];

async function step(name: string, fn: () => Promise<StepOutcome>): Promise<boolean> {
  const started = performance.now();
  let outcome: StepOutcome;
  try {
    outcome = await fn();
  } catch (error) {
    outcome = { ok: false, note: error instanceof Error ? error.message : String(error) };
  }
  const ms = Math.round(performance.now() - started);
  const [first = "", ...rest] = outcome.note.split("\n");
  rows.push({ name, ok: outcome.ok, ms, note: first });
  console.log(`${outcome.ok ? "✓" : "✘"} ${name.padEnd(12)} ${(ms / 1000).toFixed(1).padStart(5)} s  ${first}`);
  if (!outcome.ok) failures.push(name);
  if (rest.length) console.log(rest.map((l) => `    ${l}`).join("\n"));
  return outcome.ok;
}

async function lint(packed: Packed): Promise<StepOutcome> {
  const tarball = readFileSync(packed.tarball);
  const { messages, pkg } = await publint({
    // the tarball's own folder
    pkgDir: "package",
    level: "suggestion",
    strict: true,
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
  });
  if (messages.length === 0) return { ok: true, note: "no errors, warnings or suggestions" };
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
  return { ok: false, note: `${messages.length} message(s)\n${lines.join("\n")}` };
}

// the spec files are data, not modules with types
const ATTW_ARGS = ["--profile", "strict", "--exclude-entrypoints", "./openapi.yaml", "./openapi.json"];

async function attw(packed: Packed): Promise<StepOutcome> {
  const result = await run(BIN("attw"), [packed.tarball, ...ATTW_ARGS, "--format", "json"], {
    cwd: ROOT,
    env: noColor,
    timeoutMs: 180_000,
  });
  let problems: unknown[] | undefined;
  let resolutions = "";
  try {
    const json = JSON.parse(result.stdout) as {
      analysis?: { problems?: unknown[]; entrypoints?: Record<string, { resolutions: Record<string, unknown> }> };
    };
    problems = json.analysis?.problems;
    const first = Object.values(json.analysis?.entrypoints ?? {})[0];
    resolutions = Object.keys(first?.resolutions ?? {}).join(", ");
  } catch {
    // not JSON: fall through with the exit code and output
  }
  if (result.code === 0 && problems && problems.length === 0) {
    return { ok: true, note: `no problems (${resolutions || "all resolution modes"})` };
  }
  const human = await run(BIN("attw"), [packed.tarball, ...ATTW_ARGS, "--format", "ascii"], {
    cwd: ROOT,
    env: noColor,
    timeoutMs: 180_000,
  });
  return { ok: false, note: `attw exited ${result.code}, ${problems?.length ?? "?"} problem(s)\n${tail(human, 60)}` };
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

const started = performance.now();
const temp = mkdtempSync(join(tmpdir(), "lc-package-"));
let packed: Packed | undefined;
console.log(`check:package ${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).name}`);
try {
  await step("pack", async () => {
    packed = await packTarball(ROOT, temp, noColor);
    return { ok: true, note: `${packed.info.filename}: ${packed.info.files.length} files` };
  });
  if (packed) {
    const tarball = packed;
    await step("publint", () => lint(tarball));
    await step("attw", () => attw(tarball));
    await step("consumer", () => checkConsumer(ROOT, tarball));
    await step("consumer kit", () => checkKitConsumer(ROOT, tarball));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
if (packed) {
  const { info } = packed;
  console.log(`\ntarball ${info.filename}: ${kB(info.size)} packed, ${kB(info.unpackedSize)} unpacked, ${info.files.length} files`);
  for (const file of [...info.files].sort((a, b) => a.path.localeCompare(b.path))) {
    console.log(`  ${file.path.padEnd(20)} ${kB(file.size).padStart(9)}`);
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.log(`\ncheck:package FAILED (${failures.join(", ")}) in ${total} s`);
  process.exitCode = 1;
} else {
  console.log(`\ncheck:package passed in ${total} s`);
}
