// Medians and spreads over rounds: single-run absolute numbers are not reliable on a shared
// machine, ratios of tasks measured side by side in the same round are.

/** One task's measurements, one value per round, higher is better (calls/s, starts/s). */
export interface Series {
  name: string;
  values: number[];
}

export interface Summary {
  name: string;
  /** the table's baseline itself (its ratio is 1 by definition) */
  isBaseline: boolean;
  /** the task's own median over rounds */
  median: number;
  /** how much the rounds disagreed about the task: interquartile range / median, in % */
  iqrPct: number;
  /** speed relative to the baseline: the ratio within each round, then its median; higher is better */
  ratio: number;
  /** the per-round ratios' interquartile range / median, in %; 0 for the baseline itself */
  ratioIqrPct: number;
  /** the middle half of the per-round ratios, and all of them */
  ratioQ1: number;
  ratioQ3: number;
  ratioMin: number;
  ratioMax: number;
  /** the baseline's median × this ratio: the task's speed in the baseline's conditions */
  pairedMedian: number;
}

const sorted = (xs: number[]): number[] => {
  if (xs.length === 0) throw new Error("statistics of no values");
  return [...xs].sort((a, b) => a - b);
};

/** The p-quantile, interpolated between the nearest ranks (p = 0.5 is the median). */
export function quantile(xs: number[], p: number): number {
  const s = sorted(xs);
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

export const median = (xs: number[]): number => quantile(xs, 0.5);

/**
 * (Q3 - Q1) / median, as a percentage: how much the middle half of the rounds disagreed. Unlike
 * the full range it does not let one round spoiled by another process speak for all of them.
 */
export const iqrPct = (xs: number[]): number => (100 * (quantile(xs, 0.75) - quantile(xs, 0.25))) / median(xs);

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
      isBaseline: s === base,
      median: median(s.values),
      iqrPct: iqrPct(s.values),
      ratio,
      ratioIqrPct: iqrPct(ratios),
      ratioQ1: quantile(ratios, 0.25),
      ratioQ3: quantile(ratios, 0.75),
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
