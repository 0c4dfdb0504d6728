// The package as a consumer gets it, built once per test run: the working tree as a commit would
// hold it (git's tracked files and the untracked ones it does not ignore) copied into a scratch
// folder, the repository's installed dependencies linked in, `npm run prepare` run there (what npm
// runs in a clone for a git dependency, and what builds dist/ and bin/ for `npm pack`), then
// `npm pack --ignore-scripts`. So the tarball every package check installs is built from exactly
// what would be pushed, the way a git install builds it; only the install of the dev dependencies
// is the repository's own (`npm run check:git-install` does that too, as npm does).
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { run } from "./process.ts";

interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export interface Packed {
  /** the scratch checkout the package was built in (its dist/ and bin/ are the tarball's) */
  dir: string;
  /** absolute path of the .tgz */
  tarball: string;
  info: PackInfo;
  /** how long the build (prepare) and the pack took */
  ms: { prepare: number; pack: number };
}

/** The files of `root` a commit would hold: tracked, and untracked but not ignored. */
export async function committable(root: string): Promise<string[]> {
  const listed = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root });
  // a deleted file not yet committed is still listed
  return listed.stdout.split("\0").filter((file) => file !== "" && existsSync(join(root, file)));
}

/** Copies what a commit of `root` would hold into `into`, with `root`'s node_modules linked in. */
async function snapshot(root: string, into: string): Promise<string> {
  mkdirSync(into, { recursive: true });
  for (const file of await committable(root)) {
    mkdirSync(join(into, file, ".."), { recursive: true });
    cpSync(join(root, file), join(into, file));
  }
  symlinkSync(join(root, "node_modules"), join(into, "node_modules"), "dir");
  return into;
}

export async function buildPackage(root: string, scratch: string): Promise<Packed> {
  const dir = await snapshot(root, join(scratch, "repo"));
  const started = performance.now();
  await run("npm", ["run", "--silent", "prepare"], { cwd: dir, timeoutMs: 180_000 });
  const built = performance.now();
  const packs = join(scratch, "packs");
  mkdirSync(packs, { recursive: true });
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], { cwd: dir });
  const info = (JSON.parse(packed.stdout) as PackInfo[])[0]!;
  const tarball = join(packs, info.filename);
  if (!existsSync(tarball)) throw new Error(`npm pack reported ${info.filename}, which is not in ${packs}`);
  return { dir, tarball, info, ms: { prepare: built - started, pack: performance.now() - built } };
}

/** The package's own manifest, as the checkout it was built in has it. */
export function manifestOf(dir: string): {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
} {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}
