// Opens the built API reference (scripts/docs.ts) in headless Chromium with the network
// cut off: the page itself is served from memory by a route, every other request is aborted
// and recorded. Used by test/scripts/docs.test.ts and scripts/screenshot-docs.ts.
import type { Browser, BrowserContext, Page } from "playwright-core";

/** Never resolved: `.invalid` is reserved (RFC 2606). The route answers it from memory. */
export const DOCS_URL = "http://docs.invalid/index.html";

export interface OfflineDocs {
  context: BrowserContext;
  page: Page;
  /** every request the browser tried to make, page included */
  requests: string[];
  /** requests that were aborted because they would have left the machine */
  blocked: string[];
  /** console errors, page errors and CSP violations */
  errors: string[];
}

export async function openDocsOffline(
  browser: Browser,
  html: string,
  viewport = { width: 1280, height: 900 },
): Promise<OfflineDocs> {
  const context = await browser.newContext({ viewport, serviceWorkers: "block", deviceScaleFactor: 1 });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("weberror", (e) => errors.push(`pageerror: ${e.error().message}`));
  // Context-wide, so requests of workers and popups are caught too.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === DOCS_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("websocket", (ws) => blocked.push(ws.url()));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(DOCS_URL, { waitUntil: "load" });
  // Redoc.init's callback marks the body once rendering is done (or failed).
  await page.waitForSelector("body[data-redoc]", { timeout: 10_000 });
  const state = await page.getAttribute("body", "data-redoc");
  if (state !== "ready") throw new Error(`Redoc failed to render: ${errors.join("; ")}`);
  return { context, page, requests, blocked, errors };
}
