// `npm run check:package`: builds the package and checks it as a consumer gets it.
//   1. build        tsdown → dist/ (ESM + CJS, .d.mts + .d.cts)
//   2. publint      every message (suggestions included) is a problem
//   3. attw --pack  Are the Types Wrong, strict profile, on the packed tarball
//   4. consumer     npm pack → a fresh strict NodeNext TypeScript project installs the tarball
//                   (openapi-fetch through the tarball's own dependency, from npm's cache);
//                   an .mts and a .cts file are type-checked with this repo's tsc, then run
//                   with node against Prism. A `@ts-expect-error` on a wrong call proves type
//                   errors reach the consumer (tsc fails on an unused directive).
// Prints one line per step and the tarball's size and files; exits non-zero on any problem.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { type RunningPrism, startPrism } from "./lib/prism.ts";
import { run, tail } from "./lib/run.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = (name: string) => join(ROOT, "node_modules", ".bin", name);
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  dependencies?: Record<string, string>;
};
const noColor = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };

interface StepOutcome {
  ok: boolean;
  note: string;
}
interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
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

async function build(): Promise<StepOutcome> {
  const result = await run(BIN("tsdown"), [], { cwd: ROOT, env: noColor, timeoutMs: 180_000 });
  if (result.code !== 0) return { ok: false, note: `tsdown exited ${result.code}\n${tail(result)}` };
  const files = readdirSync(join(ROOT, "dist")).sort();
  const expected = ["index.cjs", "index.d.cts", "index.d.mts", "index.mjs"];
  const missing = expected.filter((f) => !files.includes(f));
  if (missing.length) return { ok: false, note: `dist/ lacks ${missing.join(", ")}` };
  // openapi-fetch must stay an external dependency, never bundled
  const esm = readFileSync(join(ROOT, "dist", "index.mjs"), "utf8");
  const cjs = readFileSync(join(ROOT, "dist", "index.cjs"), "utf8");
  if (!esm.includes('from "openapi-fetch"') || !cjs.includes('require("openapi-fetch")')) {
    return { ok: false, note: "openapi-fetch is not imported as an external dependency by dist/" };
  }
  // (the validators keep `"require(\"ajv/...\")"` as an inert string, which this does not match)
  if (esm.includes('from "ajv') || cjs.includes('require("ajv')) {
    return { ok: false, note: "dist/ imports ajv at run time" };
  }
  return { ok: true, note: `dist/: ${files.join(", ")}` };
}

async function lint(): Promise<StepOutcome> {
  const { messages, pkg } = await publint({ pkgDir: ROOT, level: "suggestion", strict: true, pack: "npm" });
  if (messages.length === 0) return { ok: true, note: "no errors, warnings or suggestions" };
  const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
  return { ok: false, note: `${messages.length} message(s)\n${lines.join("\n")}` };
}

async function attw(): Promise<StepOutcome> {
  const result = await run(BIN("attw"), ["--pack", ".", "--profile", "strict", "--format", "json"], {
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
  const human = await run(BIN("attw"), ["--pack", ".", "--profile", "strict", "--format", "ascii"], {
    cwd: ROOT,
    env: noColor,
    timeoutMs: 180_000,
  });
  return { ok: false, note: `attw exited ${result.code}, ${problems?.length ?? "?"} problem(s)\n${tail(human, 60)}` };
}

function consumerSources(baseUrl: string) {
  const esm = `// ESM consumer: resolves the package's "import" condition (.mjs + .d.mts).
import { createLeadConduitClient, LeadConduitError, type InvitationResponse } from "${PKG.name}";

const lc = createLeadConduitClient({ apiKey: "consumer-test-key", baseUrl: ${JSON.stringify(baseUrl)} });
const res: InvitationResponse = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
if (res.message !== "Invitation was sent successfully") throw new Error(\`unexpected message \${res.message}\`);
const name: string | undefined = res.entity?.name;
if (name !== "A Corporation") throw new Error(\`unexpected entity.name \${name}\`);

// Never called: it exists for tsc, which must report the wrong property name here.
export function wrongCall() {
  // @ts-expect-error \`mail\` is not a property of InvitationRequest
  return lc.invitations.createRecipient({ mail: "x" });
}

const resolved = import.meta.resolve("${PKG.name}");
if (!resolved.endsWith("/dist/index.mjs")) throw new Error(\`ESM resolved \${resolved}\`);
if (!(new LeadConduitError("x") instanceof Error)) throw new Error("LeadConduitError is not an Error");
console.log(\`esm ok: \${res.message} / \${name} (\${resolved.slice(resolved.lastIndexOf("/node_modules/") + 1)})\`);
`;
  const cjs = `// CJS consumer: resolves the package's "require" condition (.cjs + .d.cts).
import { createLeadConduitClient, ValidationError, type InvitationResponse } from "${PKG.name}";

declare const require: { resolve(id: string): string };

const lc = createLeadConduitClient({ apiKey: "consumer-test-key", baseUrl: ${JSON.stringify(baseUrl)} });

// Never called: it exists for tsc, which must report the wrong property name here.
export function wrongCall() {
  // @ts-expect-error \`mail\` is not a property of InvitationRequest
  return lc.invitations.createRecipient({ mail: "x" });
}

async function main(): Promise<void> {
  const res: InvitationResponse = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
  if (res.message !== "Invitation was sent successfully") throw new Error(\`unexpected message \${res.message}\`);
  const refused = await lc.invitations.createRecipient({ email: "not an email" }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(refused instanceof ValidationError)) throw new Error("a bad email was not refused with ValidationError");
  const resolved = require.resolve("${PKG.name}");
  if (!resolved.endsWith("/dist/index.cjs")) throw new Error(\`CJS resolved \${resolved}\`);
  console.log(\`cjs ok: \${res.message} / \${res.entity?.name} (\${resolved.slice(resolved.lastIndexOf("/node_modules/") + 1)})\`);
}

main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
`;
  return { esm, cjs };
}

async function consumer(pack: { info?: PackInfo }): Promise<StepOutcome> {
  const temp = mkdtempSync(join(tmpdir(), "lc-consumer-"));
  let prism: RunningPrism | undefined;
  try {
    const packed = await run("npm", ["pack", "--json", "--pack-destination", temp], {
      cwd: ROOT,
      env: noColor,
      timeoutMs: 120_000,
    });
    if (packed.code !== 0) return { ok: false, note: `npm pack exited ${packed.code}\n${tail(packed)}` };
    const info = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as PackInfo[])[0]!;
    pack.info = info;
    const tarball = join(temp, info.filename);

    const app = join(temp, "app");
    mkdirSync(join(app, "src"), { recursive: true });
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "lc-consumer", version: "0.0.0", private: true }, null, 2)}\n`,
    );
    const installed = await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts", tarball],
      { cwd: app, env: noColor, timeoutMs: 180_000 },
    );
    if (installed.code !== 0) return { ok: false, note: `npm install of the tarball exited ${installed.code}\n${tail(installed)}` };
    const nm = join(app, "node_modules");
    for (const dep of Object.keys(PKG.dependencies ?? {})) {
      if (!existsSync(join(nm, dep, "package.json"))) {
        return { ok: false, note: `the tarball's install did not bring its dependency ${dep}` };
      }
    }
    const strays = ["ajv", "ajv-formats"].filter((dep) => existsSync(join(nm, dep)));
    if (strays.length) return { ok: false, note: `installing the tarball pulled in ${strays.join(", ")}` };

    prism = await startPrism();
    const { esm, cjs } = consumerSources(prism.url);
    writeFileSync(join(app, "src", "esm.mts"), esm);
    writeFileSync(join(app, "src", "cjs.cts"), cjs);
    writeFileSync(
      join(app, "tsconfig.json"),
      `${JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            module: "NodeNext",
            moduleResolution: "NodeNext",
            target: "ES2022",
            lib: ["ES2022", "DOM"],
            types: [],
            // check the package's declarations too, not only the consumer's code
            skipLibCheck: false,
            rootDir: "src",
            outDir: "out",
          },
          include: ["src"],
        },
        null,
        2,
      )}\n`,
    );
    const tsc = await run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], {
      cwd: app,
      timeoutMs: 120_000,
    });
    if (tsc.code !== 0) return { ok: false, note: `tsc failed in the consumer project\n${tail(tsc)}` };

    const lines: string[] = [];
    for (const file of ["out/esm.mjs", "out/cjs.cjs"]) {
      const ran = await run(process.execPath, [file], { cwd: app, timeoutMs: 60_000 });
      if (ran.code !== 0) return { ok: false, note: `node ${file} exited ${ran.code}\n${tail(ran)}` };
      lines.push(ran.stdout.trim());
    }
    return { ok: true, note: `tsc strict NodeNext green (@ts-expect-error used); node ran .mts and .cts\n${lines.join("\n")}` };
  } finally {
    await prism?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

const started = performance.now();
const pack: { info?: PackInfo } = {};
console.log(`check:package ${PKG.name}`);
if (await step("build", build)) {
  await step("publint", lint);
  await step("attw --pack", attw);
  await step("consumer", () => consumer(pack));
}
if (pack.info) {
  const { info } = pack;
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
