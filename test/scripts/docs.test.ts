// The API reference page (`npm run docs` → docs/index.html, scripts/docs.ts) is one
// self-contained file: it renders the spec in headless Chromium with the network cut off.
// Needs a Chromium-family browser (scripts/lib/chromium.ts finds one, the packaged one at least);
// fails, never skips, without it, with a message that says how to get one.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { DOCS_URL, type OfflineDocs, openDocsOffline } from "../../scripts/lib/docs/browser.ts";
import { buildDocsHtml, writeDocs } from "../../scripts/lib/docs/build.ts";

const OPERATIONS = {
  createRecipientInvitation: "Create a recipient invitation",
  createSourceInvitation: "Create a source invitation",
  resendInvitation: "Resend an invitation",
};

let tmp: string;
let html: string;
let browser: Browser | undefined;
let opened: OfflineDocs | undefined;
let browserError: unknown;

/** The page in Chromium; throws (so the test fails, never skips) when Chromium is missing. */
const docs = (): OfflineDocs => {
  if (!opened) throw browserError ?? new Error("the page was not opened");
  return opened;
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "leadconduit-docs-"));
  const launching = launchChromium().then(
    (b) => {
      browser = b;
    },
    (error: unknown) => {
      browserError = error;
    },
  );
  // what `npm run docs` does, into a temp dir (docs/index.html is not committed)
  html = readFileSync((await writeDocs(join(tmp, "index.html"))).path, "utf8");
  await launching;
  if (browser) opened = await openDocsOffline(browser, html);
}, 60_000); // the first launch on a machine may unpack the packaged browser (scripts/lib/packaged-chromium.ts)

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("docs/index.html", () => {
  it("is one self-contained, deterministic file", async () => {
    expect(Buffer.byteLength(html)).toBeGreaterThan(500_000); // Redoc itself is inlined
    // the only </script> are the three closing tags: inlined content cannot end a script early
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    // the markup around the inlined scripts refers to nothing to fetch
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1…$2");
    expect(markup.length).toBeLessThan(2_000);
    expect(markup).not.toMatch(/\b(src|href)=/i);
    expect(markup.match(/<script\b[^>]*>/g)).toEqual([
      '<script id="spec" type="application/json">',
      "<script>",
      "<script>",
    ]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(await buildDocsHtml()).toBe(html);
  });

  it("loads with no request leaving the browser", () => {
    expect(docs().blocked).toEqual([]);
    expect(docs().requests).toEqual([DOCS_URL]); // only the page itself, served from memory
    expect(docs().errors).toEqual([]);
  });

  it("renders the three Invitations operations", async () => {
    for (const [operationId, summary] of Object.entries(OPERATIONS)) {
      const heading = docs().page.locator(`[data-section-id="operation/${operationId}"] h2`);
      await expect.poll(() => heading.textContent()).toContain(summary);
      expect(await heading.isVisible()).toBe(true);
    }
  });

  it("renders the Entity schema with its fields", async () => {
    const names = await docs().page.locator('[data-section-id="schema/Entity"] .property-name').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(["name", "module_ids", "field_suffix", "trustedform_certified_vendor", "flow_ids"]),
    );
  });
});
