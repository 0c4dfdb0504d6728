// Medians and spreads over rounds: single-run absolute numbers are not reliable on a shared
// machine, ratios of tasks measured side by side in the same round are.

/** One task's measurements, one value per round, higher is better (calls/s, starts/s). */
export interface Series {
  name: string;
  values: number[];
}

export interface Summary {
  name: string;
  /** the task's own median over rounds */
  median: number;
  /** how much the rounds disagreed about the task: (max - min) / median, in % */
  spreadPct: number;
  /** speed relative to the baseline: the ratio within each round, then its median; higher is better */
  ratio: number;
  /** the per-round ratios' (max - min) / median, in %; 0 for the baseline itself */
  ratioSpreadPct: number;
  ratioMin: number;
  ratioMax: number;
  /** the baseline's median × this ratio: the task's speed in the baseline's conditions */
  pairedMedian: number;
}

export const median = (xs: number[]): number => {
  if (xs.length === 0) throw new Error("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** (max - min) / median, as a percentage: how much the rounds disagreed. */
export const spreadPct = (xs: number[]): number => (100 * (Math.max(...xs) - Math.min(...xs))) / median(xs);

/** Every series against `baseline`, round by round: both sides of a ratio saw the same machine state. */
export function summarize(series: Series[], baseline: string): Summary[] {
  const base = series.find((s) => s.name === baseline);
  if (!base) throw new Error(`no series named ${JSON.stringify(baseline)}`);
  const baseMedian = median(base.values);
  return series.map((s) => {
    if (s.values.length !== base.values.length) {
      throw new Error(`${s.name} has ${s.values.length} rounds, ${baseline} has ${base.values.length}`);
    }
    const ratios = s.values.map((v, i) => v / base.values[i]!);
    const ratio = median(ratios);
    return {
      name: s.name,
      median: median(s.values),
      spreadPct: spreadPct(s.values),
      ratio,
      ratioSpreadPct: spreadPct(ratios),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      pairedMedian: baseMedian * ratio,
    };
  });
}

/** Durations (ms) as speeds (per second), so that a ratio of them reads "higher is better". */
export const perSecond = (ms: number[]): number[] => ms.map((m) => 1000 / m);

/** Round `round`'s order of `count` tasks: the list rotated by `round`, so none always goes first. */
export const rotation = (count: number, round: number): number[] =>
  Array.from({ length: count }, (_, i) => (i + round) % count);
