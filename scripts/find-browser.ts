// `npm run --silent find-browser`: prints the browser the tests would use and where it comes
// from (CHROMIUM_PATH; chromium, chromium-browser, google-chrome-stable, google-chrome on PATH;
// else the Chromium packaged in npm, unpacked on first launch) and exits 0, or says how to get
// one and exits 1. Looks only: it never unpacks nor installs anything.
import { findBrowser } from "./lib/chromium.ts";

const found = findBrowser();
if ("missing" in found) {
  console.error(found.missing);
  process.exitCode = 1;
} else {
  console.log(`${found.path}\n  from ${found.from}`);
}
