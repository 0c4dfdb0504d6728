// `npm run --silent find-browser`: prints the browser the tests would use (CHROMIUM_PATH, then
// chromium, chromium-browser, google-chrome-stable, google-chrome on PATH) and exits 0, or
// says how to get one and exits 1. The CI workflow runs it to decide whether to install one.
import { findBrowser } from "./lib/chromium.ts";

const found = findBrowser();
if ("missing" in found) {
  console.error(found.missing);
  process.exitCode = 1;
} else {
  console.log(found.path);
}
