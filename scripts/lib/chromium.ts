// Finds a Chromium-family browser and launches it headless through playwright-core, the one
// way this project runs a browser (no download: playwright's own browsers are never used).
// Where: CHROMIUM_PATH, else the first of BROWSER_NAMES on PATH (Debian ships `chromium`,
// Ubuntu `chromium-browser`, GitHub's runners `google-chrome-stable`).
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Browser } from "playwright-core";

export const BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] as const;

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
  "Set CHROMIUM_PATH to a Chromium or Chrome binary, or put one of " +
  `${BROWSER_NAMES.join(", ")} on PATH: Debian \`apt-get install chromium\`, ` +
  "Ubuntu `apt-get install chromium-browser`, macOS the Chrome or Chromium app " +
  "(CHROMIUM_PATH=/Applications/Google Chrome.app/Contents/MacOS/Google Chrome); GitHub's ubuntu runners ship google-chrome-stable.";

export type Found = { path: string; from: string } | { missing: string };

/** The browser to use, or why there is none. Looks only; never installs. */
export function findBrowser(env: Record<string, string | undefined> = process.env): Found {
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
  return {
    missing: `No Chromium or Chrome found (CHROMIUM_PATH is not set; none of ${BROWSER_NAMES.join(", ")} is on PATH). ${HOW_TO_GET_A_BROWSER}`,
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

/** Launches the browser findBrowser finds; throws the how-to-get-one message when there is none. */
export async function launchChromium(): Promise<Browser> {
  const found = findBrowser();
  if ("missing" in found) throw new Error(found.missing);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
}
