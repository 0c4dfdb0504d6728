// The one table printer of the scripts: the same rows as aligned text for a terminal or a log,
// or as a GitHub-flavoured markdown table for a step summary.

import { stripAnsi } from "./terminal.ts";

type Align = "left" | "right";

export interface Column {
  title: string;
  align?: Align;
}

type Cell = string | number;

/** Display width: colour codes, combining marks and the variation selector take no column. */
function width(text: string): number {
  return [...stripAnsi(text).replace(/[\u0300-\u036f\ufe0f]/g, "")].length;
}

function pad(text: string, to: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Aligned columns separated by two spaces, a header row (unless `header: false`), and an optional
 * `group` row above it naming runs of columns (e.g. one group per contract target). Trailing
 * spaces are trimmed.
 */
export function textTable(
  columns: Column[],
  rows: Cell[][],
  options: { indent?: string; groups?: { title: string; span: number }[]; header?: boolean } = {},
): string {
  const { indent = "", header = true } = options;
  const cells = rows.map((row) => columns.map((_, i) => String(row[i] ?? "")));
  const widths = columns.map((c, i) => Math.max(width(c.title), ...cells.map((r) => width(r[i]!))));
  const line = (values: string[]) =>
    indent +
    values
      .map((v, i) => pad(v, widths[i]!, columns[i]!.align ?? "left"))
      .join("  ")
      .trimEnd();
  const lines: string[] = [];
  if (options.groups) lines.push(indent + groupRow(options.groups, widths).trimEnd());
  if (header) lines.push(line(columns.map((c) => c.title)));
  lines.push(...cells.map(line));
  return lines.join("\n");
}

function groupRow(groups: { title: string; span: number }[], widths: number[]): string {
  let at = 0;
  return groups
    .map((g) => {
      const span = widths.slice(at, at + g.span);
      at += g.span;
      const total = span.reduce((a, b) => a + b, 0) + 2 * Math.max(0, span.length - 1);
      return g.title === ""
        ? " ".repeat(total)
        : pad(`${g.title} ${"─".repeat(Math.max(0, total - width(g.title) - 1))}`, total, "left");
    })
    .join("  ");
}

/**
 * A GitHub-flavoured markdown table. `|` and line breaks inside cells are escaped, and so is
 * HTML, except in a cell that is one code span (where entities would show literally).
 */
export function markdownTable(columns: Column[], rows: Cell[][]): string {
  const escapeCell = (value: Cell) => {
    const text = String(value);
    const html = /^`[^`]*`$/.test(text)
      ? text
      : text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return html.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  };
  const header = `| ${columns.map((c) => escapeCell(c.title)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.align === "right" ? "---:" : "---")).join("|")}|`;
  const body = rows.map((row) => `| ${columns.map((_, i) => escapeCell(row[i] ?? "")).join(" | ")} |`);
  return [header, rule, ...body].join("\n");
}
