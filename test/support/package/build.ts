// The package as a consumer gets it, built once per test run: the working tree as a commit would
// hold it (git's tracked files and the untracked ones it does not ignore) copied into a scratch
// folder, the repository's installed dependencies linked in, `npm run prepare` run there (what npm
// runs in a clone for a git dependency, and what builds dist/ and bin/ for `npm pack`), then
// `npm pack --ignore-scripts`. So the tarball every package check installs is built from exactly
// what would be pushed, the way a git install builds it; only the install of the dev dependencies
// is the repository's own (test/package/git.test.ts does a full git install when asked). A build is
// kept under the hash of its inputs, so a run whose sources did not change reuses the last one.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
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
  /** reused from an earlier run with the same inputs */
  cached: boolean;
}

/** The files of `root` a commit would hold: tracked, and untracked but not ignored. */
export async function committable(root: string): Promise<string[]> {
  const listed = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root });
  // a deleted file not yet committed is still listed
  return listed.stdout.split("\0").filter((file) => file !== "" && existsSync(join(root, file)));
}

/** Copies `files` of `root` into `into`, a link as a link. */
export function copyFiles(root: string, files: readonly string[], into: string): void {
  mkdirSync(into, { recursive: true });
  for (const file of files) {
    mkdirSync(join(into, file, ".."), { recursive: true });
    const from = join(root, file);
    if (lstatSync(from).isSymbolicLink()) symlinkSync(readlinkSync(from), join(into, file));
    else cpSync(from, join(into, file));
  }
}

/** Copies `files` of `root` (what a commit would hold) into `into`, with `root`'s node_modules linked in. */
function snapshot(root: string, files: string[], into: string): string {
  copyFiles(root, files, into);
  symlinkSync(join(root, "node_modules"), join(into, "node_modules"), "dir");
  return into;
}

/**
 * Builds and packs what a commit of `root` would hold, in `into`. A build is kept in `cache`
 * under the hash of its inputs (every committable file, the installed packages' lock, Node's
 * version): the same inputs give the same tarball, so a run whose sources did not change since
 * the last one reuses it (`cached: true`), and any change builds again.
 */
export async function buildPackage(root: string, cache: string): Promise<Packed> {
  const files = await committable(root);
  const key = inputsHash(root, files);
  const dir = join(cache, key);
  const record = join(dir, "packed.json");
  if (existsSync(record)) return { ...(JSON.parse(readFileSync(record, "utf8")) as Packed), cached: true };
  // one build kept: the last (a failed one, without its record, is built again)
  rmSync(cache, { recursive: true, force: true });
  const packed = await freshBuild(root, files, dir);
  writeFileSync(record, JSON.stringify(packed));
  return { ...packed, cached: false };
}

function inputsHash(root: string, files: string[]): string {
  const hash = createHash("sha256").update(process.version);
  for (const file of [...files, join("node_modules", ".package-lock.json")].sort()) {
    hash.update(`\0${file}\0`).update(contentOf(join(root, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** What a file holds, as git keeps it: a link's target, not what it points at. */
function contentOf(path: string): string | Buffer {
  if (!existsSync(path)) return "";
  return lstatSync(path).isSymbolicLink() ? `-> ${readlinkSync(path)}` : readFileSync(path);
}

async function freshBuild(root: string, files: string[], scratch: string): Promise<Packed> {
  const dir = snapshot(root, files, join(scratch, "repo"));
  const started = performance.now();
  await run("npm", ["run", "--silent", "prepare"], { cwd: dir, timeoutMs: 180_000 });
  const built = performance.now();
  const packs = join(scratch, "packs");
  mkdirSync(packs, { recursive: true });
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], { cwd: dir });
  const info = (JSON.parse(packed.stdout) as PackInfo[])[0]!;
  const tarball = join(packs, info.filename);
  if (!existsSync(tarball)) throw new Error(`npm pack reported ${info.filename}, which is not in ${packs}`);
  return { dir, tarball, info, ms: { prepare: built - started, pack: performance.now() - built }, cached: false };
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
