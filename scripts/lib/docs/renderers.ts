// What each generated block of the docs is made of (blocks.ts): the gate's --help as it prints
// it, the target table's differences. Each renders from the code that holds the facts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIFFERENCES } from "../../../contract-tests/lib/targets.ts";
import { usage } from "../../../src/gate/cli/args.ts";
import type { Spec } from "../../../src/gate/spec-model.ts";
import { markdownTable } from "../../../src/gate/table.ts";
import { typedMethods } from "../generate/methods.ts";
import { NPM_RUNTIMES } from "../npm-runtimes.ts";
import { PACKAGED_CHROMIUM } from "../packaged-chromium.ts";
import { inRoot, ROOT } from "../paths.ts";
import { policyTable } from "../spec-diff/policy.ts";
import { type BlockRenderer, blockNames, fenced, fillBlocks } from "./blocks.ts";

/** What the renderers read besides the code: the spec as `npm run generate` has just bundled it. */
export interface RenderContext {
  spec: Spec;
}

export const RENDERERS: Readonly<Record<string, (ctx: RenderContext) => ReturnType<BlockRenderer>>> = {
  operations: ({ spec }) => operationsTable(spec),
  "api-version": ({ spec }) => {
    const version = ((spec.document.info ?? {}) as { version?: string }).version ?? "(none)";
    return `Built from version **${version}** of the spec (\`info.version\`; exported as \`API_VERSION\`).`;
  },
  "gate-help-repo": () => fenced("text", usage("repo")),
  "gate-help-bin": () => fenced("text", usage("bin")),
  runtimes: () => {
    const chromium = (
      JSON.parse(readFileSync(inRoot("package.json"), "utf8")) as { devDependencies: Record<string, string> }
    ).devDependencies[PACKAGED_CHROMIUM];
    const rows = [
      ["Node.js", "the one running `npm test` (`engines`: ≥ 20)", "the machine's"],
      ...NPM_RUNTIMES.map((rt) => [
        rt.name.replace(/^node/, "Node.js"),
        rt.version,
        `npm \`${rt.pkg.replace(/-baseline$/, "")}\``,
      ]),
      [
        "Chromium (headless)",
        `${chromium} (packaged) or the machine's`,
        `\`CHROMIUM_PATH\`, a browser on \`PATH\`, else npm \`${PACKAGED_CHROMIUM}\``,
      ],
    ];
    return markdownTable([{ title: "runtime" }, { title: "version" }, { title: "from" }], rows);
  },
  "spec-change-policy": () => policyTable(),
  "target-differences": () =>
    markdownTable(
      [{ title: "difference" }, { title: "Prism" }, { title: "the kit's mock" }, { title: "why" }],
      Object.values(DIFFERENCES).map((d) => [d.what, d.prism, d.mock, d.why]),
    ),
};

/** Every typed method: how it is called, the request it sends, what it does. */
function operationsTable(spec: Spec): string {
  const rows = typedMethods(spec).map((m) => {
    const op = m.operation;
    const args = [
      ...op.pathParams.map((p) => p.name),
      ...(m.body === "none" ? [] : [m.body === "optional" ? "body?" : "body"]),
      ...(m.query === "none" ? [] : [m.query === "optional" ? "query?" : "query"]),
    ];
    return [`\`lc.${m.resource}.${m.method}(${args.join(", ")})\``, `\`${op.method} ${op.path}\``, op.summary ?? ""];
  });
  return markdownTable([{ title: "method" }, { title: "request" }, { title: "what it does" }], rows);
}

/** Blocks that another command writes, by name, with the command: `npm run generate` leaves them. */
export const WRITTEN_ELSEWHERE: Readonly<Record<string, string>> = {
  "bench-results": "npm run bench -- --write (from bench/results.json)",
};

/** The markdown files that may hold blocks: the README, CONTRIBUTING.md and docs/*.md. */
export function documents(): string[] {
  const docs = existsSync(inRoot("docs"))
    ? readdirSync(inRoot("docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => join("docs", f))
    : [];
  return ["README.md", "CONTRIBUTING.md", ...docs].filter((f) => existsSync(join(ROOT, f)));
}

/** Every document that holds a block, as it is with its blocks rendered now: [absolute path, text]. */
export async function renderedDocuments(ctx: RenderContext): Promise<[path: string, text: string][]> {
  const renderers = Object.fromEntries(Object.entries(RENDERERS).map(([name, render]) => [name, () => render(ctx)]));
  const out: [string, string][] = [];
  for (const file of documents()) {
    const path = join(ROOT, file);
    const text = readFileSync(path, "utf8");
    if (blockNames(text).length === 0) continue;
    out.push([path, await fillBlocks(text, renderers, file, new Set(Object.keys(WRITTEN_ELSEWHERE)))]);
  }
  return out;
}
