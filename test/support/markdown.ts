// What the checks of the docs read out of a markdown file (the README, docs/*.md): its
// TypeScript snippets (each type-checked in a strict app as written, so the docs cannot rot) and
// its links (each must resolve, in the repository and in the tarball that ships it). `file` names
// the file in messages.
import { hasPath, TOP_FOLDERS } from "./repository.ts";

export interface Snippet {
  /** 1-based line of the opening fence */
  line: number;
  code: string;
}

const FENCE = /^```(ts|typescript)\s*$/;

/** Every ```ts block, in order. */
export function typescriptSnippets(markdown: string, file = "README.md"): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!.trim())) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++) body.push(lines[i]!);
    if (i >= lines.length) throw new Error(`${file}:${start + 1}: a code block is never closed`);
    snippets.push({ line: start + 1, code: `${body.join("\n")}\n` });
  }
  return snippets;
}

/** The line of the `##`/`###` heading titled `title`, or -1. */
const sectionStart = (lines: readonly string[], title: string) =>
  lines.findIndex((l) => /^#{2,3}\s/.test(l) && l.replace(/^#+\s*/, "").trim() === title);

/** Whether the markdown has a `##`/`###` section titled `title`. */
export const hasSection = (markdown: string, title: string): boolean => sectionStart(markdown.split("\n"), title) >= 0;

/** The section whose examples are complete vitest test files, run as such by the consumer check (docs/testing.md). */
export const TESTING_SECTION = "Testing your app";

/** The ```ts blocks of one `##`/`###` section (deeper headings stay inside it), in order. */
export function sectionSnippets(markdown: string, title: string, file = "README.md"): Snippet[] {
  const lines = markdown.split("\n");
  const start = sectionStart(lines, title);
  if (start < 0) throw new Error(`${file} has no section "${title}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const next = lines.findIndex((l, i) => i > start && (/^(#+)\s/.exec(l)?.[1]?.length ?? Infinity) <= level);
  const end = next < 0 ? lines.length : next;
  return typescriptSnippets(markdown, file).filter((s) => s.line > start && s.line <= end);
}

export interface Link {
  line: number;
  target: string;
}

/** Targets of Markdown links and images, and of HTML `src` and `href` attributes, outside code. */
export function links(markdown: string): Link[] {
  const out: Link[] = [];
  let inCode = false;
  markdown.split("\n").forEach((text, index) => {
    if (text.trim().startsWith("```")) inCode = !inCode;
    if (inCode) return;
    const prose = text.replace(/`[^`]*`/g, "");
    for (const match of prose.matchAll(
      /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|\b(?:src|href)="([^"]+)"|<(https?:\/\/[^>\s]+)>/g,
    )) {
      out.push({ line: index + 1, target: (match[1] ?? match[2] ?? match[3])! });
    }
  });
  return out;
}

/** A link that points at a file of the repository (not a URL, not an in-page anchor). */
function isLocal(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#");
}

/** The repository-relative file a local link points at, without its anchor. */
function localPath(target: string): string {
  return decodeURI(target.replace(/[#?].*$/, "")).replace(/^\.\//, "");
}

/** A link's target as a path from the repository's root, resolved against the file's folder; undefined outside it. */
function fromFile(file: string, target: string): string | undefined {
  if (target.startsWith("/")) return undefined;
  const parts = file.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

/**
 * Links that break: they leave the repository (`../`), or point at a file not in `files`.
 * `files` is the repository's file list, or the tarball's.
 */
export function brokenLinks(markdown: string, files: ReadonlySet<string>, file = "README.md"): string[] {
  return links(markdown)
    .filter((l) => isLocal(l.target))
    .flatMap((l) => {
      const path = fromFile(file, localPath(l.target));
      if (path === undefined) return [`${file}:${l.line}: ${l.target} leaves the repository`];
      return hasPath(files, path) ? [] : [`${file}:${l.line}: ${l.target} is not there`];
    });
}

// a code span starting with one of the repository's top-level folders names a file or folder
const REPO_PATH = new RegExp(String.raw`^${TOP_FOLDERS}\/[\w./-]*$`);

/**
 * Repository paths named in inline code (`contract-tests/lib/mock-server.ts`) that `there` does
 * not find: prose that names a file the repository no longer has. Globs and placeholders are not paths.
 */
export function missingNamedPaths(markdown: string, there: (path: string) => boolean, file = "README.md"): string[] {
  const missing: string[] = [];
  let inCode = false;
  markdown.split("\n").forEach((text, index) => {
    if (text.trim().startsWith("```")) inCode = !inCode;
    if (inCode) return;
    for (const [, span = ""] of text.matchAll(/`([^`\s]+)`/g)) {
      if (!REPO_PATH.test(span)) continue;
      if (!there(span.replace(/\/$/, ""))) missing.push(`${file}:${index + 1}: ${span} is not there`);
    }
  });
  return missing;
}
