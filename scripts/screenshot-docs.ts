// Saves docs/reference.png (shown in CONTRIBUTING.md): the API reference, built fresh from the
// spec exactly as `npm run docs` builds it, rendered offline in headless Chromium at
// 1280x900 and scrolled to the "Create a recipient invitation" operation.
//
//   tsx scripts/screenshot-docs.ts [--out <file>] [--operation <operationId>]
import { mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "./lib/chromium.ts";
import { openDocsOffline } from "./lib/docs/browser.ts";
import { buildDocsHtml } from "./lib/docs/build.ts";
import { inRoot } from "./lib/paths.ts";

const DEFAULT_OUT = inRoot("docs", "reference.png");

async function screenshotDocs(out: string, operationId: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const { page, blocked, context } = await openDocsOffline(browser, await buildDocsHtml(), {
      width: 1280,
      height: 900,
    });
    const section = page.locator(`[data-section-id="operation/${operationId}"]`);
    if ((await section.count()) !== 1) throw new Error(`operation ${operationId} is not on the page`);
    // a little air above the operation's heading
    await section.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 24));
    // Redoc marks the sidebar entry of the section in view active once it sees the scroll.
    await page
      .locator(`li[data-item-id$="operation/${operationId}"] > label.active`)
      .waitFor({ timeout: 2_000 })
      .catch(() => console.warn("! the sidebar did not mark the operation active; screenshot taken anyway"));
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(200);
    if (blocked.length) throw new Error(`the page tried to reach the network: ${blocked.join(", ")}`);
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, fullPage: false, animations: "disabled", caret: "hide" });
    await context.close();
    console.log(`✓ wrote ${relative(process.cwd(), out) || out} (1280x900, operation/${operationId})`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { out: { type: "string" }, operation: { type: "string" } } });
  await screenshotDocs(resolve(values.out ?? DEFAULT_OUT), values.operation ?? "createRecipientInvitation");
}
