// The bench's command line and how much each mode measures.
import { describe, expect, it } from "vitest";
import { loopbackMode, parseArgs, planFor, UsageError } from "../../bench/args.ts";

describe("parseArgs", () => {
  it("defaults to a full run with gate timings that writes nothing tracked", () => {
    expect(parseArgs([])).toEqual({ quick: false, gates: true, write: false, help: false });
  });

  it("--quick skips the test-suite timings", () => {
    expect(parseArgs(["--quick"])).toMatchObject({ quick: true, gates: false });
  });

  it("--no-gates keeps the full rounds", () => {
    expect(parseArgs(["--no-gates"])).toMatchObject({ quick: false, gates: false });
  });

  it("--write replaces the committed results, and only from a full run", () => {
    expect(parseArgs(["--write"])).toMatchObject({ write: true, gates: true });
    expect(parseArgs(["--no-gates", "--write"])).toMatchObject({ write: true, gates: false });
    expect(() => parseArgs(["--quick", "--write"])).toThrow(UsageError);
    expect(() => parseArgs(["--write", "--quick"])).toThrow(/--write needs a full run/);
  });

  it("refuses an unknown argument, naming it and showing the usage", () => {
    expect(() => parseArgs(["--quik"])).toThrow(/unknown argument "--quik"[\s\S]*usage: npm run bench/);
  });

  it("knows --help and -h", () => {
    expect(parseArgs(["--help"]).help).toBe(true);
    expect(parseArgs(["-h"]).help).toBe(true);
  });
});

describe("planFor", () => {
  it("measures the same things in both modes, less of each in --quick", () => {
    const quick = planFor(true);
    const full = planFor(false);
    expect(Object.keys(quick).sort()).toEqual(Object.keys(full).sort());
    expect(quick.concurrency).toEqual(full.concurrency);
    for (const key of ["rounds", "perCallMs", "loopbackMs", "processes"] as const)
      expect(quick[key]).toBeLessThan(full[key]);
  });

  it("has an odd number of rounds, so the median is a measured round", () => {
    expect(planFor(true).rounds % 2).toBe(1);
    expect(planFor(false).rounds % 2).toBe(1);
  });

  it("names loopback modes by concurrency", () => {
    expect(loopbackMode(1)).toBe("sequential");
    expect(loopbackMode(32)).toBe("32 concurrent");
  });
});
