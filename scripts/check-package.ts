// `npm run check:package`: packs the package and checks it as a consumer gets it, every step
// on the ONE tarball that `npm pack` made:
//   1. pack         `npm pack`: prepack builds dist/ (ESM + CJS, .d.mts + .d.cts, the spec) and bin/
//   2. publint      on the tarball; every message (suggestions included) is a problem
//   3. attw         Are the Types Wrong, strict profile, on the tarball
//   4. consumer     a fresh app installs the tarball (scripts/lib/consumer.ts)
//   5. bin          the `leadconduit-contract` bin from the tarball, in a fresh folder, against
//                   stand-in servers (scripts/lib/bin-check.ts)
// and, beside those (it needs no tarball), the repository installed as a git dependency.
// Prints each step's result and the tarball's size and files; exits non-zero on any problem.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { textTable } from "../src/gate/table.ts";
import { childEnv, processColour } from "../src/gate/terminal.ts";
import { checkBin } from "./lib/bin-check.ts";
import { checkConsumer, checkGitInstall } from "./lib/consumer.ts";
import { type Packed, packTarball } from "./lib/pack.ts";
import { binOf, PATHS, ROOT } from "./lib/paths.ts";
import { run, runStepsConcurrently, type Step, type StepOutcome, type StepResult, tail } from "./lib/run.ts";

const noColor = childEnv(process.env, false);

async function lint(packed: Packed): Promise<StepOutcome> {
  const tarball = readFileSync(packed.tarball);
  const { messages, pkg } = await publint({
    // the tarball's own folder
    pkgDir: "package",
    level: "suggestion",
    strict: true,
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
  });
  if (messages.length === 0) return { ok: true, note: "publint: no errors, warnings or suggestions" };
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
  return { ok: false, note: `publint: ${messages.length} message(s)\n${lines.join("\n")}` };
}

// the spec files are data, not modules with types
const ATTW_ARGS = ["--profile", "strict", "--exclude-entrypoints", "./openapi.yaml", "./openapi.json"];

async function attw(packed: Packed): Promise<StepOutcome> {
  const result = await run(binOf("attw"), [packed.tarball, ...ATTW_ARGS, "--format", "json"], {
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
    return { ok: true, note: `attw: no problems (${resolutions || "all resolution modes"})` };
  }
  const human = await run(binOf("attw"), [packed.tarball, ...ATTW_ARGS, "--format", "ascii"], {
    cwd: ROOT,
    env: noColor,
    timeoutMs: 180_000,
  });
  return { ok: false, note: `attw exited ${result.code}, ${problems?.length ?? "?"} problem(s)\n${tail(human, 60)}` };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The repository installed as a git dependency (npm clones it and builds it with `prepare`). */
const gitDependencyStep = (): Step => ({ name: "git dependency", task: () => checkGitInstall(ROOT) });

function packageSteps(temp: string, onPacked: (packed: Packed) => void): Step[] {
  let packed: Packed | undefined;
  const onTarball = (check: (p: Packed) => Promise<StepOutcome>) => async () =>
    packed ? check(packed) : { ok: false, note: "skipped: there is no tarball" };
  return [
    {
      name: "pack",
      task: async () => {
        packed = await packTarball(ROOT, temp, noColor);
        onPacked(packed);
        return { ok: true, note: `${packed.info.filename}: ${packed.info.files.length} files` };
      },
    },
    { name: "publint", task: onTarball(lint) },
    { name: "attw", task: onTarball(attw) },
    { name: "consumer", task: onTarball((p) => checkConsumer(ROOT, p)) },
    { name: "bin", task: onTarball(checkBin) },
  ];
}

function printTarball(packed: Packed): void {
  const { info } = packed;
  console.log(
    `\ntarball ${info.filename}: ${kB(info.size)} packed, ${kB(info.unpackedSize)} unpacked, ${info.files.length} files`,
  );
  const files = [...info.files].sort((a, b) => a.path.localeCompare(b.path)).map((f) => [f.path, kB(f.size)]);
  console.log(textTable([{ title: "file" }, { title: "size", align: "right" }], files, { indent: "  " }));
}

async function main(): Promise<number> {
  const started = performance.now();
  const temp = mkdtempSync(join(tmpdir(), "lc-package-"));
  let packed: Packed | undefined;
  let results: StepResult[];
  console.log(`check:package ${(JSON.parse(readFileSync(PATHS.packageJson, "utf8")) as { name: string }).name}`);
  try {
    const io = { colour: processColour(), log: (line: string) => console.log(line) };
    // the git dependency needs no tarball: it runs beside the tarball's checks
    results = await runStepsConcurrently([packageSteps(temp, (p) => (packed = p)), gitDependencyStep()], io);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  if (packed) printTarball(packed);
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    failed.length
      ? `\ncheck:package FAILED (${failed.join(", ")}) in ${total} s`
      : `\ncheck:package passed in ${total} s`,
  );
  return failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
