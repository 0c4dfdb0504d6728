// `npm run docs [-- --out <file>]`: docs/index.html, the self-contained API reference (scripts/lib/docs/).
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DOCS_HTML, writeDocs } from "./lib/docs/build.ts";

const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
const { path, bytes } = await writeDocs(values.out ? resolve(values.out) : DOCS_HTML);
console.log(`✓ wrote ${relative(process.cwd(), path) || path} (${bytes} bytes)`);
