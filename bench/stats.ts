// Medians and spreads over rounds: single-run absolute numbers are not reliable, ratios of
// tasks measured side by side in the same round are.
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** (max - min) / median, as a percentage: how much the rounds disagreed. */
export const spreadPct = (xs: number[]) => (100 * (Math.max(...xs) - Math.min(...xs))) / median(xs);

export interface Series {
  name: string;
  values: number[];
}

export function summarize(series: Series[], baseline: string) {
  const base = series.find((s) => s.name === baseline)!;
  return series.map((s) => ({
    name: s.name,
    median: median(s.values),
    spreadPct: spreadPct(s.values),
    // the ratio within each round, then its median: both sides saw the same machine state
    ratio: median(s.values.map((v, i) => v / base.values[i]!)),
  }));
}
