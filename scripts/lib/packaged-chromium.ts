// The browser of last resort (scripts/lib/chromium.ts looks for a system one first): the headless
// Chromium that the @sparticuz/chromium devDependency ships brotli-compressed in its npm tarball,
// with the shared libraries a bare Linux lacks (bin/al2023.tar.br: NSS, NSPR, expat) and a font
// (bin/fonts.tar.br: Open Sans; with no font at all, text lays out zero pixels wide).
// Only those files are used, never the package's code: its executablePath() unpacks into
// os.tmpdir() under fixed names (/tmp/chromium is reused whatever version wrote it, and is
// written in place, so a second caller can launch a half-written binary), unpacks the libraries
// only on AWS Lambda, points fonts at Lambda's folders, and its launch flags are Lambda's
// (--disable-web-security among them). Its WebGL renderer (bin/swiftshader.tar.br) is left
// packed: this project launches with --disable-gpu.
// Here: unpacked once per package version into .tmp/chromium/<version>/, by Node alone (zlib's
// brotli and scripts/lib/tar.ts), in a private folder renamed into place when complete, so
// concurrent callers (two test workers) each see all of it or nothing.
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { brotliDecompress, createBrotliDecompress } from "node:zlib";
import { inRoot, PATHS, ROOT } from "./paths.ts";
import { readTar, writeTarEntries } from "./tar.ts";

export const PACKAGED_CHROMIUM = "@sparticuz/chromium";

/** Where the packaged browser comes from and where it is (or will be) unpacked. */
export interface PackagedChromium {
  version: string;
  /** the package's bin/ folder, holding the .br files */
  source: string;
  /** .tmp/chromium/<version>: the binary, lib/, fonts/ and fonts.conf */
  dir: string;
  /** the browser binary inside dir */
  path: string;
}

export interface PackagedWhere {
  platform: string;
  arch: string;
  /** the installed package's folder */
  packageDir: string;
  /** the folder holding one unpacked folder per version */
  cacheDir: string;
}

const HERE: PackagedWhere = {
  platform: process.platform,
  arch: process.arch,
  packageDir: inRoot("node_modules", PACKAGED_CHROMIUM),
  cacheDir: join(PATHS.tmp, "chromium"),
};

// Our own: the package's fonts.conf names Lambda's folders. The fonts are found relative to this
// file, so the folder can be renamed into place (and the checkout moved) after it is written;
// fontconfig takes a relative cachedir from the working directory, so its cache goes under
// XDG_CACHE_HOME, which packagedEnv points into the folder.
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir prefix="relative">fonts</dir>
  <cachedir prefix="xdg">fontconfig</cachedir>
</fontconfig>
`;

export class ChromiumUnpackError extends Error {
  override name = "ChromiumUnpackError";
}

/** The packaged browser for this machine, or why it cannot be had here. Looks only. */
export function packagedChromium(overrides: Partial<PackagedWhere> = {}): PackagedChromium | { missing: string } {
  const where = { ...HERE, ...overrides };
  if (where.platform !== "linux" || where.arch !== "x64") {
    return { missing: `${PACKAGED_CHROMIUM} ships a Linux x64 browser; this is ${where.platform} ${where.arch}` };
  }
  const manifest = join(where.packageDir, "package.json");
  if (!existsSync(manifest)) return { missing: `${PACKAGED_CHROMIUM} is not installed (run \`npm ci\`)` };
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  const dir = join(where.cacheDir, version);
  return { version, source: join(where.packageDir, "bin"), dir, path: join(dir, "chromium") };
}

/** "@sparticuz/chromium 147.0.0 (npm), unpacked in .tmp/chromium/147.0.0": for find-browser and errors. */
export function describePackaged(p: PackagedChromium): string {
  const shown = relative(ROOT, p.dir).startsWith("..") ? p.dir : relative(ROOT, p.dir);
  return `${PACKAGED_CHROMIUM} ${p.version} (npm), ${existsSync(p.path) ? "unpacked in" : "to be unpacked into"} ${shown}`;
}

/** Unpacks the browser unless it already is; safe to call from several processes at once. */
export async function unpackChromium(p: PackagedChromium): Promise<void> {
  if (existsSync(p.path)) return;
  let partial: string | undefined;
  try {
    mkdirSync(dirname(p.dir), { recursive: true });
    partial = mkdtempSync(`${p.dir}.partial-`);
    chmodSync(partial, 0o755); // mkdtemp makes it private
    await inflateInto(p.source, partial);
    renameInto(partial, p.dir);
  } catch (error) {
    throw new ChromiumUnpackError(
      `cannot unpack ${PACKAGED_CHROMIUM} ${p.version} into ${p.dir}: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    if (partial) rmSync(partial, { recursive: true, force: true });
  }
  if (!existsSync(p.path)) {
    throw new ChromiumUnpackError(`${p.dir} exists but holds no browser binary: delete the folder and run again`);
  }
}

async function inflateInto(source: string, dir: string): Promise<void> {
  await pipeline(
    createReadStream(join(source, "chromium.br")),
    createBrotliDecompress(),
    createWriteStream(join(dir, "chromium"), { mode: 0o755 }),
  );
  const inflate = promisify(brotliDecompress);
  for (const archive of ["al2023.tar.br", "fonts.tar.br"]) {
    const entries = readTar(await inflate(await readFile(join(source, archive))), archive);
    writeTarEntries(
      entries.filter((e) => e.path !== "fonts.conf"),
      dir,
    );
  }
  writeFileSync(join(dir, "fonts.conf"), FONTS_CONF);
}

/** Renames the complete folder into place; when another process got there first, theirs stays. */
function renameInto(partial: string, dir: string): void {
  try {
    renameSync(partial, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}

/** The environment the packaged browser runs in: its libraries first, its fonts only, caches in its folder. */
export function packagedEnv(p: PackagedChromium, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const libraries = [join(p.dir, "lib"), env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  return {
    ...env,
    LD_LIBRARY_PATH: libraries,
    FONTCONFIG_FILE: join(p.dir, "fonts.conf"),
    XDG_CACHE_HOME: join(p.dir, "cache"),
  };
}
