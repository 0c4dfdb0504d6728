// How many seeded dynamic answers the generated mode checks: the suite's few, or the count asked for.
import { describe, expect, it } from "vitest";
import { DEFAULT_SEEDS, FIRST_SEED, generatedSeeds } from "../../contract-tests/lib/generated-seeds.ts";

describe("generatedSeeds", () => {
  it("gives the suite's seeds, counted up from the first, without LC_GENERATED_SEEDS (or with it empty)", () => {
    const expected = Array.from({ length: DEFAULT_SEEDS }, (_, i) => FIRST_SEED + i);
    expect(generatedSeeds({})).toEqual(expected);
    expect(generatedSeeds({ LC_GENERATED_SEEDS: " " })).toEqual(expected);
  });

  it("gives as many as LC_GENERATED_SEEDS asks", () => {
    expect(generatedSeeds({ LC_GENERATED_SEEDS: "3" })).toEqual([FIRST_SEED, FIRST_SEED + 1, FIRST_SEED + 2]);
  });

  it.each(["0", "-2", "1.5", "many", "100001"])("refuses %j, naming the variable", (value) => {
    expect(() => generatedSeeds({ LC_GENERATED_SEEDS: value })).toThrow(/^LC_GENERATED_SEEDS must be an integer/);
  });
});
