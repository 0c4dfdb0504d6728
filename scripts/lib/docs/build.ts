// Builds docs/index.html: a self-contained API reference of spec/leadconduit.yaml. The bundled
// spec (generated/openapi.json) is rendered in the browser by Redoc's standalone bundle
// (devDependency `redoc`). Both are inlined into one HTML file,
// so the page loads nothing over the network (its Content-Security-Policy forbids it too).
// Same spec + same redoc version → byte-identical output.
//
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { inRoot } from "../paths.ts";

export const DOCS_HTML = inRoot("docs", "index.html");

/** Redoc options (https://redocly.com/docs/redoc/config). */
const REDOC_OPTIONS = {
  // Adds a "Schemas" group listing every component schema (Entity, InvitationResponse, ...).
  schemaDefinitionsTagName: "Schemas",
  expandResponses: "200",
  nativeScrollbars: true,
  hideDownloadButton: true,
  theme: {
    typography: {
      fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
    },
  },
};

// The sidebar footer of Redoc 2.x ("API docs by Redocly") shows a logo fetched from Redocly's
// CDN, unconditionally. An empty src fires the img's onError without a request, and Redoc then
// drops the img and keeps the text. Exactly one occurrence, or the build fails: a Redoc upgrade
// that changes it needs a look (the test would also see the request).
const REDOC_CDN_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';

function patchRedoc(js: string): string {
  const count = js.split(REDOC_CDN_LOGO).length - 1;
  if (count !== 1) throw new Error(`expected 1 reference to ${REDOC_CDN_LOGO} in redoc.standalone.js, found ${count}`);
  return js.replace(REDOC_CDN_LOGO, '""');
}

/** The bundled spec, generated/openapi.json (what `npm run generate` makes of spec/leadconduit.yaml). */
function bundledSpec(): Record<string, unknown> {
  return JSON.parse(readFileSync(inRoot("generated", "openapi.json"), "utf8")) as Record<string, unknown>;
}

function redocStandalonePath(): string {
  return createRequire(import.meta.url).resolve("redoc/bundles/redoc.standalone.js");
}

/**
 * Makes text safe inside a <script> element: the HTML parser ends a script at `</script`
 * and treats `<!--` / `<script` specially, whatever the JavaScript around them is.
 * `\x3C` means `<` in a JS string, template or regular expression and in JSON text read by
 * JSON.parse... except JSON has no `\x`, so JSON gets `\u003c` (see inlineJson).
 */
function escapeScript(js: string): string {
  return js.replace(/<(?=\/script|!--|script)/gi, "\\x3C");
}

/** JSON for a <script type="application/json"> element: every `<` escaped, so no `</script>`. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// No network, whatever the spec or Redoc try: no connect/img/font/frame from anywhere but
// inline content. Redoc's search runs in a blob: worker; styled-components injects <style>.
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

function renderDocsHtml(spec: Record<string, unknown>, redocJs: string): string {
  const info = (spec.info ?? {}) as { title?: string; version?: string };
  const title = `${info.title ?? "API reference"}${info.version ? ` ${info.version}` : ""}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="scripts/docs.ts (redoc ${redocVersion()})">
<title>${escapeHtml(title)}</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<div id="redoc-container"></div>
<script id="spec" type="application/json">${inlineJson(spec)}</script>
<script>${escapeScript(patchRedoc(redocJs))}</script>
<script>
(function () {
  var spec = JSON.parse(document.getElementById("spec").textContent);
  var container = document.getElementById("redoc-container");
  Redoc.init(spec, ${inlineJson(REDOC_OPTIONS)}, container, function (error) {
    document.body.setAttribute("data-redoc", error ? "error" : "ready");
    if (error) console.error(error);
  });
})();
</script>
</body>
</html>
`;
}

function redocVersion(): string {
  const pkg = resolve(dirname(redocStandalonePath()), "../package.json");
  return (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
}

/** Bundles the spec and renders the page; returns the HTML (nothing is written). */
export async function buildDocsHtml(): Promise<string> {
  return renderDocsHtml(bundledSpec(), readFileSync(redocStandalonePath(), "utf8"));
}

export async function writeDocs(out = DOCS_HTML): Promise<{ path: string; bytes: number }> {
  const html = await buildDocsHtml();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { path: out, bytes: Buffer.byteLength(html) };
}
