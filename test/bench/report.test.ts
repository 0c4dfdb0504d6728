// The printed report: one way to read every ratio, speeds that agree with their ratios, targets
// with a verdict. Built from made-up measurements through the same functions the bench uses.
import { describe, expect, it } from "vitest";
import { planFor } from "../../bench/args.ts";
import { COLD_BASELINE } from "../../bench/cold-start.ts";
import { formatReport, HOW_TO_READ, speedTable } from "../../bench/report.ts";
import { type BenchResults, runtimeResults } from "../../bench/results.ts";
import { median } from "../../bench/stats.ts";
import { BARE_OPENAPI_FETCH, CLIENT_OFF, HAND_ROLLED, RAW_FETCH } from "../../bench/subjects.ts";
import { COMPARISONS, evaluate, TARGETS } from "../../bench/targets.ts";

// Rounds 1 and 2 ran on a quiet machine, rounds 3 to 5 on a loaded one. The hand-rolled task lost
// 4 rounds of 5 to openapi-fetch, yet its own median (600) is above openapi-fetch's (500): a table
// of raw medians would put 0.95× next to the higher figure.
const perCall = [
  { name: BARE_OPENAPI_FETCH, values: [1000, 1000, 500, 500, 500] },
  { name: HAND_ROLLED, values: [950, 950, 600, 450, 450] },
  { name: CLIENT_OFF, values: [920, 900, 450, 450, 460] },
];
const loopback = [
  { name: RAW_FETCH, values: [1000, 1000, 1000, 1000, 1000] },
  { name: CLIENT_OFF, values: [960, 950, 970, 955, 965] },
];
// on Node 24 the client misses the loopback target
const loopback24 = [loopback[0]!, { name: CLIENT_OFF, values: [900, 930, 940, 920, 935] }];
const cold = {
  processMs: [
    { name: "leadconduit-client", values: [110, 120, 115, 115, 112] },
    { name: COLD_BASELINE, values: [100, 100, 100, 100, 100] },
  ],
  importMs: [
    { name: "leadconduit-client", values: [30, 31, 32, 31, 30] },
    { name: COLD_BASELINE, values: [25, 25, 25, 25, 25] },
  ],
};

function results(gates?: BenchResults["gates"], loadAverage: [number, number] = [0.4, 1.1]): BenchResults {
  const runtimes = [
    runtimeResults("node 20", { node: "v20.20.2", perCall, loopback: { sequential: loopback } }, cold),
    runtimeResults("node 24", { node: "v24.21.0", perCall, loopback: { sequential: loopback24 } }, cold),
  ];
  const series = runtimes.map((r) => ({ runtime: r.name, perCall: r.perCall, loopback: r.loopback }));
  return {
    machine: { cpu: "Test CPU", cores: 2, memoryGiB: 8, date: "2026-11-26T00:00:00.000Z", loadAverage },
    mode: "full",
    plan: { ...planFor(false), rounds: 5, processes: 5 },
    heyApi: { version: "0.95.0" },
    runtimes,
    targets: evaluate(series, TARGETS),
    comparisons: evaluate(
      series,
      COMPARISONS.filter((c) => c.baseline === HAND_ROLLED),
    ),
    size: [
      { name: "leadconduit-client (dist/index.mjs)", minified: 51_331, gzip: 11_966 },
      {
        name: "its source by module",
        minified: 40_000,
        gzip: 10_300,
        parts: [
          { name: "validators", minified: 18_000, gzip: 2_300 },
          { name: "src/client", minified: 22_000, gzip: 5_700 },
        ],
      },
    ],
    ...(gates ? { gates } : {}),
    tookMs: 1234,
  };
}

/** The cells of a speed-table row, by task name. */
const cells = (lines: string[], name: string) =>
  lines
    .find((l) => l.trim().startsWith(name))!
    .slice(3 + name.length)
    .trim()
    .split(/\s+/);

describe("the report", () => {
  it("says once, at the top, that every ratio reads higher-is-better", () => {
    const text = formatReport(results());
    expect(text.split("\n").slice(1, 1 + HOW_TO_READ.length)).toEqual(HOW_TO_READ);
    expect(text.match(/higher is better/g)).toHaveLength(1);
    expect(text).toContain("node 20 = v20.20.2, node 24 = v24.21.0; @hey-api/openapi-ts 0.95.0");
  });

  it("never shows a ratio below 1 next to a speed above the baseline's", () => {
    expect(median(perCall[1]!.values)).toBeGreaterThan(median(perCall[0]!.values)); // the trap is set
    const lines = speedTable(results().runtimes, (rt) => rt.perCall, "calls/s");
    const [baseSpeed, baseRatio] = cells(lines, BARE_OPENAPI_FETCH);
    const [speed, ratio] = cells(lines, HAND_ROLLED);
    expect([baseSpeed, baseRatio]).toEqual(["500", "1.00×"]);
    expect([speed, ratio]).toEqual(["475", "0.95×"]); // the baseline's 500 × 0.95
  });

  it("has a column group per Node version", () => {
    const [head] = speedTable(results().runtimes, (rt) => rt.perCall, "calls/s");
    expect(head!.trim().split(/\s{2,}/)).toEqual(["node 20 calls/s", "×", "±", "node 24 calls/s", "×", "±"]);
  });

  it("gives cold start as a speed too: a slower start is below 1×, with its own milliseconds", () => {
    const text = formatReport(results());
    const line = text.split("\n").find((l) => l.trim().startsWith("leadconduit-client  "))!;
    expect(line).toMatch(/115\.0 ms\s+31\.0 ms\s+0\.87×/);
  });

  it("prints each target with its verdict per Node version, and the side comparisons without one", () => {
    const text = formatReport(results());
    // a target is met at exactly its ratio
    expect(text).toMatch(
      /✔ node 20\s+per call:\s+client, validation off at 0\.90× bare openapi-fetch POST\s+middle half of rounds 0\.90–0\.92, all 0\.90–0\.92\s+met \(target ≥ 0\.90×\)\n/,
    );
    expect(text).toMatch(
      /✔ node 20\s+loopback, sequential:\s+client, validation off at 0\.96× raw fetch \+ JSON\.parse\s+middle half of rounds 0\.9\d–0\.9\d, all 0\.95–0\.97\s+met/,
    );
    expect(text).toMatch(
      /✘ node 24\s+loopback, sequential:\s+client, validation off at 0\.93× raw fetch \+ JSON\.parse\s+middle half of rounds 0\.92–0\.9\d, all 0\.90–0\.94\s+NOT met \(target ≥ 0\.95×\)\n/,
    );
    expect(text).toMatch(/ {3}node 20\s+per call:\s+client, validation off at 0\.97× openapi-fetch \+ auth/);
  });

  it("gives the size of each entry, and of each module under an entry measured by module", () => {
    const lines = formatReport(results()).split("\n");
    const at = lines.findIndex((l) => l.trim().startsWith("its source by module"));
    expect(lines.slice(at, at + 3).map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ["its source by module", "40,000 B", "10,300 B"],
      ["validators", "18,000 B", "2,300 B"],
      ["src/client", "22,000 B", "5,700 B"],
    ]);
    expect(lines[at + 1]).toMatch(/^ {5}validators/); // indented under its entry
  });

  it("warns when other work kept the machine busy, and only then", () => {
    expect(formatReport(results())).toContain("load average 0.4 → 1.1");
    expect(formatReport(results())).not.toContain("⚠");
    expect(formatReport(results(undefined, [5.6, 1.5]))).toContain(
      "⚠ The machine was busy (load average 5.6 at start, 1.5 at end, 2 cores): expect noisy ratios",
    );
  });

  it("says the gate timings were skipped, or gives each gate's median, its runs and the load around each", () => {
    expect(formatReport(results())).toContain("skipped (--quick or --no-gates)");
    const runs = [
      { ms: 36_100, exitCode: 0, loadAverage: [0.3, 1.9] as [number, number] },
      { ms: 35_600, exitCode: 1, loadAverage: [1.2, 2.0] as [number, number] },
      { ms: 38_000, exitCode: 0, loadAverage: [1.4, 2.1] as [number, number] },
    ];
    const text = formatReport(results([{ name: "npm test", totalMs: 36_100, runs }]));
    expect(text).toMatch(
      /npm test\s+median 36\.1 s\s+runs 36\.1 s, 35\.6 s \(exited 1\), 38\.0 s\s+load average 0\.3→1\.9, 1\.2→2\.0, 1\.4→2\.1/,
    );
  });
});
