// CHANGELOG.md in the Keep a Changelog format (https://keepachangelog.com/en/1.1.0/): a release's
// section written from spec:diff's changes, each under the section its rule names, and put
// below `## [Unreleased]`, taking along what maintainers wrote there by hand.
import type { Change } from "./spec-diff/changes.ts";
import type { Section } from "./spec-diff/rules.ts";

const SECTIONS: readonly Section[] = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

export const CHANGELOG_HEADER = `# Changelog

All notable changes to this project are documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).
The API changes of each release are written by \`npm run release:plan -- --write\` from the
changes \`npm run spec:diff\` finds in \`spec/leadconduit.yaml\`.

## [Unreleased]
`;

const UNRELEASED = /^## \[Unreleased\][^\n]*$/m;

/** A changelog that cannot take the section: it already has this version. */
export class ChangelogError extends Error {
  override name = "ChangelogError";
}

/** The entries of each section, in the order of SECTIONS. */
export type Entries = Map<Section, string[]>;

/**
 * One entry per change; breaking ones say so first. Editorial changes of one rule (descriptions,
 * examples) are one entry, however many places they touch.
 */
export function entriesOf(changes: Change[]): Entries {
  const entries: Entries = new Map();
  const add = (section: Section, text: string) => entries.set(section, [...(entries.get(section) ?? []), text]);
  const editorial = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.verdict === "editorial") {
      editorial.set(c.rule, [...(editorial.get(c.rule) ?? []), c]);
      continue;
    }
    const where = c.operations.length ? ` (${c.operations.join(", ")})` : "";
    add(c.section, `${c.verdict === "breaking" ? "**Breaking:** " : ""}${c.message}${where}`);
  }
  for (const group of editorial.values()) {
    add(group[0]!.section, group.map((c) => c.message).join("; "));
  }
  return entries;
}

export function sectionText(version: string, date: string, entries: Entries, preface: string[] = []): string {
  const lines = [`## [${version}] - ${date}`, ""];
  if (preface.length) lines.push(...preface, "");
  for (const section of SECTIONS) {
    const list = entries.get(section);
    if (!list?.length) continue;
    lines.push(`### ${section}`, "", ...list.map((e) => (e.startsWith("- ") ? e : `- ${e}`)), "");
  }
  return lines.join("\n");
}

/** What maintainers wrote under `## [Unreleased]`: prose, and entries by section. */
export function unreleasedOf(changelog: string): { preface: string[]; entries: Entries } {
  const preface: string[] = [];
  const entries: Entries = new Map();
  const start = changelog.search(UNRELEASED);
  if (start < 0) return { preface, entries };
  const body = changelog.slice(start).split("\n").slice(1);
  let section: Section | undefined;
  for (const line of body) {
    if (/^## /.test(line)) break;
    const heading = /^### (\w+)/.exec(line)?.[1] as Section | undefined;
    if (heading && SECTIONS.includes(heading)) {
      section = heading;
    } else if (line.trim() && section) {
      const list = entries.get(section) ?? [];
      // a line that continues an entry stays with it
      if (/^\s*[-*] /.test(line) || !list.length) list.push(line.replace(/^\s*\* /, "- "));
      else list[list.length - 1] += `\n${line}`;
      entries.set(section, list);
    } else if (line.trim()) {
      preface.push(line);
    }
  }
  return { preface, entries };
}

/**
 * The changelog with a release's section below `## [Unreleased]`, which is emptied into it
 * (hand-written entries first in each section). Creates the file's text when there is none.
 */
export function withRelease(changelog: string | undefined, version: string, date: string, entries: Entries): string {
  const text = changelog ?? CHANGELOG_HEADER;
  if (new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\]`, "m").test(text))
    throw new ChangelogError(`CHANGELOG.md already has a section for ${version}`);
  const kept = unreleasedOf(text);
  const merged: Entries = new Map(
    SECTIONS.map((s) => [s, [...(kept.entries.get(s) ?? []), ...(entries.get(s) ?? [])]]),
  );
  const section = sectionText(version, date, merged, kept.preface);
  const start = text.search(UNRELEASED);
  if (start < 0) {
    const first = text.search(/^## \[/m);
    const at = first < 0 ? text.length : first;
    return `${text.slice(0, at).trimEnd()}\n\n## [Unreleased]\n\n${section}\n${text.slice(at)}`.trimEnd().concat("\n");
  }
  const afterHeading = text.indexOf("\n", start) + 1 || text.length;
  const next = text.slice(afterHeading).search(/^## /m);
  const rest = next < 0 ? "" : text.slice(afterHeading + next);
  return `${text.slice(0, afterHeading)}\n${section}\n${rest}`.trimEnd().concat("\n");
}
