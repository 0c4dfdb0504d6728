// The targets of issue 12 and the side comparisons, evaluated per Node version.
import { describe, expect, it } from "vitest";
import { BARE_OPENAPI_FETCH, CLIENT_OFF, HAND_ROLLED, RAW_FETCH } from "../../bench/subjects.ts";
import { type Comparison, evaluate, type MeasuredSeries, TARGETS } from "../../bench/targets.ts";

const measured = (runtime: string, perCallRatios: number[], loopbackRatios: number[]): MeasuredSeries => ({
  runtime,
  perCall: [
    { name: BARE_OPENAPI_FETCH, values: perCallRatios.map(() => 1000) },
    { name: CLIENT_OFF, values: perCallRatios.map((r) => 1000 * r) },
    { name: HAND_ROLLED, values: perCallRatios.map(() => 900) },
  ],
  loopback: {
    sequential: [
      { name: RAW_FETCH, values: loopbackRatios.map(() => 100) },
      { name: CLIENT_OFF, values: loopbackRatios.map((r) => 100 * r) },
    ],
    "32 concurrent": [
      { name: RAW_FETCH, values: [100, 100, 100] },
      { name: CLIENT_OFF, values: [99, 99, 99] },
    ],
  },
});

describe("evaluate", () => {
  it("checks each target on each runtime, a loopback one at every concurrency", () => {
    const results = evaluate(
      [
        measured("node 20", [0.8, 0.85, 0.82], [0.9, 0.9, 0.9]),
        measured("node 24", [0.95, 0.93, 0.91], [0.97, 0.96, 0.98]),
      ],
      TARGETS,
    );
    expect(results.map((r) => [r.runtime, r.where, r.met])).toEqual([
      ["node 20", "per call", false],
      ["node 20", "loopback, sequential", false],
      ["node 20", "loopback, 32 concurrent", true],
      ["node 24", "per call", true],
      ["node 24", "loopback, sequential", true],
      ["node 24", "loopback, 32 concurrent", true],
    ]);
    expect(results[0]).toMatchObject({
      ratio: 0.82,
      ratioQ1: 0.81,
      ratioQ3: 0.835,
      ratioMin: 0.8,
      ratioMax: 0.85,
      min: 0.9,
      straddles: false,
    });
  });

  it("says when the middle half of the rounds fell on both sides of a target, and not for one wild round", () => {
    const [straddling] = evaluate([measured("node 20", [0.85, 0.92, 0.88], [1, 1, 1])], TARGETS);
    expect(straddling).toMatchObject({ met: false, straddles: true });
    const [wild] = evaluate([measured("node 20", [0.8, 0.81, 0.82, 0.83, 1.5], [1, 1, 1, 1, 1])], TARGETS);
    expect(wild).toMatchObject({ met: false, straddles: false, ratioMax: 1.5 });
  });

  it("gives a comparison without a target no verdict", () => {
    const info: Comparison = { section: "perCall", subject: CLIENT_OFF, baseline: HAND_ROLLED };
    const [result] = evaluate([measured("node 20", [0.9, 0.9, 0.9], [1, 1, 1])], [info]);
    expect(result!.ratio).toBeCloseTo(1);
    expect(result).not.toHaveProperty("met");
  });

  it("names a subject that was not measured", () => {
    const missing: Comparison = { section: "perCall", subject: "nobody", baseline: BARE_OPENAPI_FETCH, min: 1 };
    expect(() => evaluate([measured("node 20", [1, 1, 1], [1, 1, 1])], [missing])).toThrow(
      /"nobody" \(per call, node 20\)/,
    );
  });
});
