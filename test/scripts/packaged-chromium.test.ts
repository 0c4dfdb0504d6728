// The browser of last resort (scripts/lib/packaged-chromium.ts): the Chromium that ships in an
// npm package, unpacked once per version, safely when several callers ask at once; and, in an
// environment with no browser on PATH and no CHROMIUM_PATH, whatever this machine has, the one
// browser discovery picks, launched with this project's flags: it renders a page served from
// loopback and holds it to the same-origin policy.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { brotliCompressSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "../../contract-tests/lib/loopback.ts";
import { findBrowser, launchChromium } from "../../scripts/lib/chromium.ts";
import {
  ChromiumUnpackError,
  PACKAGED_CHROMIUM,
  type PackagedChromium,
  packagedChromium,
  packagedEnv,
  unpackChromium,
} from "../../scripts/lib/packaged-chromium.ts";
import { PATHS } from "../../scripts/lib/paths.ts";
import { type TarInput, tarOf } from "../support/tar.ts";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "packaged-chromium-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FAKE_BINARY = "#!/bin/sh\necho fake chromium\n";

/** A package shaped like the real one, small: bin/ with the binary and the two archives. */
function fakePackage(name: string, fonts: TarInput[] = [{ path: "fonts/F/f.ttf", data: "ttf" }]) {
  const packageDir = join(tmp, name, "package");
  mkdirSync(join(packageDir, "bin"), { recursive: true });
  writeFileSync(join(packageDir, "package.json"), JSON.stringify({ name: PACKAGED_CHROMIUM, version: "1.2.3" }));
  const bin = (file: string, data: Buffer) => writeFileSync(join(packageDir, "bin", file), brotliCompressSync(data));
  bin("chromium.br", Buffer.from(FAKE_BINARY));
  bin(
    "al2023.tar.br",
    tarOf([
      { path: "lib/", flag: "5" },
      { path: "lib/libfake.so.1", data: "elf", mode: 0o755 },
    ]),
  );
  bin("fonts.tar.br", tarOf([{ path: "fonts.conf", data: "<lambda/>" }, ...fonts]));
  // any machine can unpack it; only Linux x64 can run it
  const found = packagedChromium({ platform: "linux", arch: "x64", packageDir, cacheDir: join(tmp, name, "cache") });
  if ("missing" in found) throw new Error(found.missing);
  return found;
}

const leftovers = (p: PackagedChromium) => readdirSync(join(p.dir, "..")).filter((f) => f.includes(".partial-"));

describe("unpacking the packaged browser", () => {
  it("knows where the package's files are and where they go, per version", () => {
    const p = fakePackage("where");
    expect(p).toEqual({
      version: "1.2.3",
      source: join(tmp, "where", "package", "bin"),
      dir: join(tmp, "where", "cache", "1.2.3"),
      path: join(tmp, "where", "cache", "1.2.3", "chromium"),
    });
    expect(existsSync(p.dir)).toBe(false); // looking unpacks nothing
  });

  it("says why there is none on another platform or when the package is not installed", () => {
    expect(packagedChromium({ platform: "darwin", arch: "arm64" })).toEqual({
      missing: `${PACKAGED_CHROMIUM} ships a Linux x64 browser; this is darwin arm64`,
    });
    expect(packagedChromium({ platform: "linux", arch: "arm64" })).toEqual({
      missing: `${PACKAGED_CHROMIUM} ships a Linux x64 browser; this is linux arm64`,
    });
    expect(packagedChromium({ packageDir: join(tmp, "nowhere") })).toEqual({
      missing: `${PACKAGED_CHROMIUM} is not installed (run \`npm ci\`)`,
    });
  });

  it("unpacks once, all or nothing, when several callers ask at the same time", async () => {
    const p = fakePackage("race");
    // whenever the folder is visible, all of it is there: never a half-written browser
    const seen: string[] = [];
    let done = false;
    const watch = (async () => {
      while (!done) {
        if (existsSync(p.dir)) {
          const complete = readFileSync(p.path, "utf8") === FAKE_BINARY && existsSync(join(p.dir, "fonts.conf"));
          seen.push(complete ? "complete" : "partial");
        }
        await nextTurn();
      }
    })();
    await Promise.all([unpackChromium(p), unpackChromium(p), unpackChromium(p)]);
    done = true;
    await watch;
    expect(seen).not.toContain("partial");
    expect(readdirSync(p.dir).sort()).toEqual(["chromium", "fonts", "fonts.conf", "lib"]);
    expect(statSync(p.path).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(p.dir, "lib", "libfake.so.1"), "utf8")).toBe("elf");
    expect(readFileSync(join(p.dir, "fonts", "F", "f.ttf"), "utf8")).toBe("ttf");
    // ours, not the package's (which names Lambda's folders)
    expect(readFileSync(join(p.dir, "fonts.conf"), "utf8")).toContain('<dir prefix="relative">fonts</dir>');
    expect(leftovers(p)).toEqual([]);

    const before = statSync(p.path);
    await unpackChromium(p); // reused, not written again
    expect(statSync(p.path)).toMatchObject({ ino: before.ino, mtimeMs: before.mtimeMs });
  });

  it("fails with what and where when the package's files cannot be read, leaving nothing behind", async () => {
    const corrupt = fakePackage("corrupt");
    writeFileSync(join(corrupt.source, "chromium.br"), "not brotli");
    const linked = fakePackage("linked", [{ path: "fonts/F/f.ttf", flag: "2" }]);
    for (const [p, why] of [
      [corrupt, /: Decompression failed$/],
      [linked, /: fonts\.tar\.br: fonts\/F\/f\.ttf is of tar type '2'; only files and folders are unpacked$/],
    ] as const) {
      const failed = await unpackChromium(p).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(ChromiumUnpackError);
      expect((failed as Error).message).toMatch(`cannot unpack ${PACKAGED_CHROMIUM} 1.2.3 into ${p.dir}: `);
      expect((failed as Error).message).toMatch(why);
      expect(existsSync(p.dir)).toBe(false);
      expect(leftovers(p)).toEqual([]);
    }
  });

  it("fails with where when the folder cannot be made", async () => {
    const p = fakePackage("blocked");
    writeFileSync(join(tmp, "blocked", "cache"), "a file where the cache folder goes");
    await expect(unpackChromium(p)).rejects.toThrow(
      new ChromiumUnpackError(
        `cannot unpack ${PACKAGED_CHROMIUM} 1.2.3 into ${p.dir}: EEXIST: file already exists, mkdir '${join(tmp, "blocked", "cache")}'`,
      ),
    );
  });

  it("says to delete a version folder that holds no browser", async () => {
    const p = fakePackage("emptied");
    mkdirSync(join(p.dir, "lib"), { recursive: true });
    await expect(unpackChromium(p)).rejects.toThrow(
      new ChromiumUnpackError(`${p.dir} exists but holds no browser binary: delete the folder and run again`),
    );
    expect(leftovers(p)).toEqual([]);
  });

  it("runs the browser with its libraries first, its fonts and its caches in its folder", () => {
    const p = fakePackage("env");
    const env = packagedEnv(p, { PATH: "/bin", LD_LIBRARY_PATH: "/opt/lib" });
    expect(env).toEqual({
      PATH: "/bin",
      LD_LIBRARY_PATH: `${join(p.dir, "lib")}:/opt/lib`,
      FONTCONFIG_FILE: join(p.dir, "fonts.conf"),
      XDG_CACHE_HOME: join(p.dir, "cache"),
    });
    expect(packagedEnv(p, {}).LD_LIBRARY_PATH).toBe(join(p.dir, "lib"));
  });
});

/** A loopback server (port 0) that answers every request with `answer`, counting them by path. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    answer(req, res);
  });
  return { server, hits, origin: await listenOnLoopback(server) };
}

/** The ids of the running processes of an executable (Linux: /proc). */
function processesOf(executable: string): string[] {
  return readdirSync("/proc").filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/exe`) === executable;
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

const close = (server?: Server) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

// The package ships a Linux x64 browser only: elsewhere discovery says so (tested above) and a
// system browser is the only way (CHROMIUM_PATH).
describe.runIf(process.platform === "linux" && process.arch === "x64")(
  "the packaged browser, in an environment with no other",
  () => {
    // PATH holds one empty folder: no browser on it, and no CHROMIUM_PATH
    let clean: NodeJS.ProcessEnv;
    let browser: Browser | undefined;
    let page: Page;
    let site: Awaited<ReturnType<typeof serve>>;
    let api: Awaited<ReturnType<typeof serve>>;

    beforeAll(async () => {
      const emptyBin = join(tmp, "empty-bin");
      mkdirSync(emptyBin);
      clean = { PATH: emptyBin };
      site = await serve((_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end("<!doctype html><title>loopback</title><h1>Served from loopback</h1>");
      });
      // sends Access-Control-Allow-Origin for the page's origin on /allowed only
      api = await serve((req, res) => {
        const allow = req.url === "/allowed" ? { "access-control-allow-origin": site.origin } : {};
        res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store", ...allow });
        res.end(`answer to ${req.url}`);
      });
      browser = await launchChromium(clean); // unpacks on first use: a few seconds, once
      page = await browser.newPage();
      await page.goto(`${site.origin}/`, { waitUntil: "load", timeout: 10_000 });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await close(site?.server);
      await close(api?.server);
    });

    it("is the one discovery picks, at the version package.json pins", () => {
      const found = findBrowser(clean);
      const pinned = (
        JSON.parse(readFileSync(PATHS.packageJson, "utf8")) as { devDependencies: Record<string, string> }
      ).devDependencies[PACKAGED_CHROMIUM]!;
      expect(found).toMatchObject({
        path: join(PATHS.tmp, "chromium", pinned, "chromium"),
        from: `${PACKAGED_CHROMIUM} ${pinned} (npm), unpacked in .tmp/chromium/${pinned}`,
        packaged: { version: pinned },
      });
      // the package's major version is Chromium's
      expect(browser!.version().split(".")[0]).toBe(pinned.split(".")[0]);
    });

    it("runs on the libraries unpacked with it, not the machine's", () => {
      const found = findBrowser(clean);
      if (!("packaged" in found) || !found.packaged)
        throw new Error(`not the packaged browser: ${JSON.stringify(found)}`);
      const maps = processesOf(found.path).map((pid) => readFileSync(`/proc/${pid}/maps`, "utf8"));
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        const nss = map.split("\n").filter((line) => line.endsWith("/libnss3.so"));
        expect(nss.length).toBeGreaterThan(0);
        for (const line of nss) expect(line).toMatch(` ${join(found.packaged.dir, "lib", "libnss3.so")}`);
      }
    });

    it("renders a page served from loopback, its text in the font unpacked with it", async () => {
      expect(await page.locator("h1").textContent()).toBe("Served from loopback");
      const widths = await page.evaluate(() =>
        ["serif", "monospace"].map((family) => {
          const span = Object.assign(document.createElement("span"), { textContent: "Served from loopback" });
          span.style.font = `20px ${family}`;
          document.body.append(span);
          return span.getBoundingClientRect().width;
        }),
      );
      // with no font, text lays out zero pixels wide; with the machine's, serif and monospace differ
      expect(widths[0]).toBeGreaterThan(100);
      expect(widths[1]).toBe(widths[0]);
    });

    it("holds pages to the same-origin policy: a cross-origin answer without CORS headers is not theirs", async () => {
      const fetchFromPage = (url: string) =>
        page.evaluate(async (u) => {
          try {
            return { text: await (await fetch(u)).text() };
          } catch (error) {
            return { error: String(error) };
          }
        }, url);
      expect(new URL(page.url()).origin).toBe(site.origin);
      expect(await fetchFromPage(`${api.origin}/allowed`)).toEqual({ text: "answer to /allowed" });
      expect(await fetchFromPage(`${api.origin}/denied`)).toEqual({ error: "TypeError: Failed to fetch" });
      // the request was sent and answered: what failed is the browser's check, not the network
      expect(api.hits).toEqual(["/allowed", "/denied"]);
    });
  },
);
