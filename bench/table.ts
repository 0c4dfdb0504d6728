// Plain-text tables: columns padded to their widest cell, numbers right-aligned.

type Align = "left" | "right";

/** Rows of cells as lines; `align[i]` for column i (default: first left, the rest right). */
export function formatTable(rows: string[][], align: Align[] = [], indent = "   "): string[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((row) =>
    (
      indent +
      widths
        .map((width, i) => {
          const cell = row[i] ?? "";
          const pad = " ".repeat(width - [...cell].length);
          return (align[i] ?? (i === 0 ? "left" : "right")) === "left" ? cell + pad : pad + cell;
        })
        .join("  ")
    ).trimEnd(),
  );
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString("en-US");
export const fmtRatio = (n: number): string => `${n.toFixed(2)}×`;
/** Half a spread (an interquartile range, in % of the median) as "±x.x%". */
export const fmtHalfSpread = (spreadPct: number): string => `±${(spreadPct / 2).toFixed(1)}%`;
export const fmtSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
