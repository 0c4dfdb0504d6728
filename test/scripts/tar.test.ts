// scripts/lib/tar.ts: the tar reader the packaged Chromium is unpacked with. Reads what the
// package ships (files, folders, ustar prefixes); refuses by name anything else and any path
// that would leave the target folder.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTar, TarError, writeTarEntries } from "../../scripts/lib/tar.ts";
import { tarOf } from "../support/tar.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tar-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readTar", () => {
  it("reads files and folders, with their modes, sizes across blocks and ustar prefixes", () => {
    const big = Buffer.alloc(1300, "x");
    const entries = readTar(
      tarOf([
        { path: "lib/", flag: "5" },
        { path: "lib/libx.so.1", data: big, mode: 0o755 },
        { path: "fonts.conf", data: "<fontconfig/>" },
        { path: "Regular.ttf", prefix: "fonts/Open_Sans", data: "ttf" },
      ]),
    );
    expect(entries.map(({ path, type, mode, data }) => ({ path, type, mode, size: data.length }))).toEqual([
      { path: "lib", type: "dir", mode: 0o755, size: 0 },
      { path: "lib/libx.so.1", type: "file", mode: 0o755, size: 1300 },
      { path: "fonts.conf", type: "file", mode: 0o644, size: 13 },
      { path: "fonts/Open_Sans/Regular.ttf", type: "file", mode: 0o644, size: 3 },
    ]);
    expect(entries[1]!.data.equals(big)).toBe(true);
  });

  it("writes the entries under a folder, with their modes", () => {
    const target = join(dir, "written");
    writeTarEntries(
      readTar(
        tarOf([
          { path: "a/b/run", data: "#!/bin/sh\n", mode: 0o755 },
          { path: "c/", flag: "5" },
        ]),
      ),
      target,
    );
    expect(readFileSync(join(target, "a", "b", "run"), "utf8")).toBe("#!/bin/sh\n");
    expect(statSync(join(target, "a", "b", "run")).mode & 0o111).not.toBe(0);
    expect(statSync(join(target, "c")).isDirectory()).toBe(true);
  });

  it.each([
    ["a symlink", [{ path: "lib/libx.so", flag: "2" }], /lib\/libx\.so is of tar type '2'; only files and folders/],
    ["a GNU long name", [{ path: "././@LongLink", flag: "L", data: "x" }], /of tar type 'L'/],
    ["a pax header", [{ path: "PaxHeader/x", flag: "x", data: "x" }], /of tar type 'x'/],
    ["a path out of the folder", [{ path: "lib/../../evil" }], /the entry 'lib\/\.\.\/\.\.\/evil' would land outside/],
    ["an absolute path", [{ path: "/etc/evil" }], /the entry '\/etc\/evil' would land outside/],
  ])("refuses %s", (_, inputs, message) => {
    expect(() => readTar(tarOf(inputs), "fonts.tar.br")).toThrow(TarError);
    expect(() => readTar(tarOf(inputs), "fonts.tar.br")).toThrow(new RegExp(`^fonts\\.tar\\.br: .*${message.source}`));
  });

  it("refuses a corrupt header, a cut-short file and a missing end", () => {
    const archive = tarOf([{ path: "a", data: "hello" }]);
    const corrupt = Buffer.from(archive);
    corrupt[0] = "b".charCodeAt(0);
    expect(() => readTar(corrupt)).toThrow(/^archive: the header at byte 0 is corrupt \(checksum\)$/);
    expect(() => readTar(archive.subarray(0, 514))).toThrow(/^archive: a is cut short$/);
    expect(() => readTar(tarOf([{ path: "a", data: "hello" }], { end: false }))).toThrow(
      /^archive: ends without the end-of-archive blocks$/,
    );
    const noSize = tarOf([{ path: "a", data: "hello", rawSize: "zzz" }]);
    expect(() => readTar(noSize)).toThrow(/^archive: the header at byte 0 has no size$/);
  });
});
