// Reads a tar archive held in memory (ustar and GNU tar's plain headers): enough for the small
// archives the packaged Chromium ships (scripts/lib/packaged-chromium.ts), so unpacking it needs
// Node alone, not a `tar` on the machine. Only regular files and folders: anything else (links,
// devices, long-name or pax records) is refused by name, never skipped, and so is a path that
// would land outside the target folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";

const BLOCK = 512;

export interface TarEntry {
  /** relative, forward slashes, no trailing slash */
  path: string;
  type: "file" | "dir";
  mode: number;
  data: Buffer;
}

export class TarError extends Error {
  override name = "TarError";
}

/** The archive's entries in order; throws a TarError saying which entry and why when it cannot be read. */
export function readTar(archive: Buffer, what = "archive"): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) return entries; // end of archive
    const entry = readHeader(header, what, at);
    const start = at + BLOCK;
    if (start + entry.size > archive.length) throw new TarError(`${what}: ${entry.path} is cut short`);
    const data = archive.subarray(start, entry.type === "file" ? start + entry.size : start);
    entries.push({ path: entry.path, type: entry.type, mode: entry.mode, data });
    at = start + Math.ceil(entry.size / BLOCK) * BLOCK;
  }
  throw new TarError(`${what}: ends without the end-of-archive blocks`);
}

function readHeader(header: Buffer, what: string, offset: number) {
  const text = (from: number, length: number) =>
    header
      .subarray(from, from + length)
      .toString("utf8")
      .replace(/\0[\s\S]*$/, "");
  const octal = (from: number, length: number, field: string) => {
    const digits = text(from, length).trim();
    if (!/^[0-7]+$/.test(digits)) throw new TarError(`${what}: the header at byte ${offset} has no ${field}`);
    return Number.parseInt(digits, 8);
  };
  const stored = octal(148, 8, "checksum");
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  if (sum !== stored) throw new TarError(`${what}: the header at byte ${offset} is corrupt (checksum)`);
  const name = text(0, 100);
  const prefix = text(257, 6) === "ustar" ? text(345, 155) : "";
  const path = safePath(prefix ? `${prefix}/${name}` : name, what);
  const flag = text(156, 1) || "0";
  if (flag !== "0" && flag !== "5") {
    throw new TarError(`${what}: ${path} is of tar type '${flag}'; only files and folders are unpacked`);
  }
  return {
    path,
    type: flag === "5" ? ("dir" as const) : ("file" as const),
    mode: octal(100, 8, "mode") & 0o777,
    size: octal(124, 12, "size"),
  };
}

function safePath(raw: string, what: string): string {
  const path = raw.replace(/\/+$/, "");
  const normal = normalize(path);
  if (!path || isAbsolute(path) || normal === ".." || normal.startsWith(`..${sep}`)) {
    throw new TarError(`${what}: the entry '${raw}' would land outside the folder it is unpacked into`);
  }
  return path;
}

/** Writes the entries under `dir` (created when missing), with their modes. */
export function writeTarEntries(entries: TarEntry[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of entries) {
    const target = join(dir, entry.path);
    if (entry.type === "dir") {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: entry.mode });
  }
}
