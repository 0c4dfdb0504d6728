// The bench's statistics: medians, spreads, and ratios paired round by round.
import { describe, expect, it } from "vitest";
import { iqrPct, median, perSecond, quantile, rotation, summarize } from "../../bench/stats.ts";

describe("median, quantiles and spread", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("refuses no values instead of answering NaN", () => {
    expect(() => median([])).toThrow(/no values/);
    expect(() => quantile([], 0.25)).toThrow(/no values/);
  });

  it("interpolates quantiles between the nearest ranks", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([10, 20], 0)).toBe(10);
    expect(quantile([10, 20], 1)).toBe(20);
  });

  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("gives the interquartile range as a percentage of the median, deaf to one wild round", () => {
    expect(iqrPct([90, 95, 100, 105, 110])).toBeCloseTo(10);
    expect(iqrPct([90, 95, 100, 105, 1000])).toBeCloseTo(10);
    expect(iqrPct([5, 5, 5])).toBe(0);
  });
});

describe("summarize", () => {
  // the machine got twice as slow for rounds 2 and 3: each task's median moves, the ratio does not
  const series = [
    { name: "base", values: [100, 50, 50, 100, 100] },
    { name: "half", values: [50, 25, 25, 50, 50] },
    { name: "lucky", values: [90, 95, 95, 90, 90] },
  ];

  it("takes each ratio within a round, then the median: drift between rounds cancels", () => {
    const [base, half, lucky] = summarize(series, "base");
    expect(base).toMatchObject({ name: "base", isBaseline: true, ratio: 1, ratioIqrPct: 0, median: 100 });
    expect(half).toMatchObject({
      isBaseline: false,
      ratio: 0.5,
      ratioIqrPct: 0,
      ratioQ1: 0.5,
      ratioQ3: 0.5,
      ratioMin: 0.5,
      ratioMax: 0.5,
    });
    // its median (90) is below the baseline's (100), but it won the two slow rounds by far
    expect(lucky!.median).toBe(90);
    expect(lucky!.ratio).toBeCloseTo(0.9);
    expect(lucky!.ratioMax).toBeCloseTo(1.9);
    expect([lucky!.ratioQ1, lucky!.ratioQ3]).toEqual([0.9, 1.9]);
  });

  it("puts each task in the baseline's conditions: baseline median × ratio", () => {
    const rows = summarize(series, "base");
    for (const row of rows) expect(row.pairedMedian).toBeCloseTo(100 * row.ratio);
  });

  it("names a missing baseline and rounds that do not pair", () => {
    expect(() => summarize(series, "nope")).toThrow(/"nope"/);
    expect(() =>
      summarize(
        [
          { name: "base", values: [1, 2] },
          { name: "x", values: [1] },
        ],
        "base",
      ),
    ).toThrow(/x has 1 rounds, base has 2/);
  });

  it("turns durations into speeds, so a faster run has the higher figure", () => {
    expect(perSecond([100, 250])).toEqual([10, 4]);
  });
});

describe("rotation", () => {
  it("runs every task once per round and puts each first in turn", () => {
    const rounds = [0, 1, 2, 3].map((r) => rotation(4, r));
    for (const order of rounds) expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(rounds.map((order) => order[0])).toEqual([0, 1, 2, 3]);
    expect(rotation(3, 4)).toEqual([1, 2, 0]);
  });
});
