// The bench report's tables (src/gate/table.ts lays them out) and number formats.
import { textTable } from "../src/gate/table.ts";

type Align = "left" | "right";

/** Rows of cells as lines; `align[i]` for column i (default: first left, the rest right). */
export function formatTable(rows: string[][], align: Align[] = [], indent = "   "): string[] {
  if (rows.length === 0) return [];
  const count = Math.max(...rows.map((r) => r.length));
  const columns = Array.from({ length: count }, (_, i) => ({
    title: "",
    align: align[i] ?? (i === 0 ? "left" : "right"),
  }));
  return textTable(columns, rows, { indent, header: false }).split("\n");
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString("en-US");
export const fmtRatio = (n: number): string => `${n.toFixed(2)}×`;
/** Half a spread (an interquartile range, in % of the median) as "±x.x%". */
export const fmtHalfSpread = (spreadPct: number): string => `±${(spreadPct / 2).toFixed(1)}%`;
export const fmtSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
