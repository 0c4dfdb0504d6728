// The printed report: one header that says how to read every ratio, then one table per
// section with a column group per Node version, the targets and the side comparisons.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fenced, fillBlocks } from "../scripts/lib/docs/blocks.ts";
import { ROOT } from "../scripts/lib/paths.ts";
import type { BenchResults, ColdRow, Row, RuntimeResults } from "./results.ts";
import { BARE_OPENAPI_FETCH, RAW_FETCH } from "./subjects.ts";
import { fmtHalfSpread, fmtInt, fmtRatio, fmtSeconds, formatTable } from "./table.ts";
import type { ComparisonResult } from "./targets.ts";

export const HOW_TO_READ = [
  "Every ratio (×) is a speed relative to its table's baseline: higher is better everywhere;",
  "1.00× is as fast as the baseline, 0.90× is 10% slower, 1.10× is 10% faster.",
];

/** A warning when other work kept the machine busy: more runnable processes than cores, beyond the bench's own one. */
function busyWarning(machine: BenchResults["machine"]): string[] {
  const [start, end] = machine.loadAverage;
  if (Math.max(start, end) <= machine.cores) return [];
  return [
    `⚠ The machine was busy (load average ${start.toFixed(1)} at start, ${end.toFixed(1)} at end, ${machine.cores} cores): expect noisy ratios; publish figures from a quiet run.`,
  ];
}

function header(r: BenchResults): string[] {
  const m = r.machine;
  const nodes = r.runtimes.map((rt) => `${rt.name} = ${rt.node}`).join(", ");
  const load = `load average ${m.loadAverage.map((l) => l.toFixed(1)).join(" → ")}`;
  return [
    `leadconduit-client bench (${r.mode}): ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${load}, ${m.date}; ${nodes}; @hey-api/openapi-ts ${r.heyApi.version}`,
    ...HOW_TO_READ,
    `A ratio is taken within each round (both sides saw the same machine state), then the median of ${r.plan.rounds} rounds,`,
    "the task order rotated each round. ± is half the interquartile range of the per-round ratios (of the speed, for",
    "the baseline): how much the middle half of the rounds disagreed.",
    "A speed shown is the baseline's median × the row's ratio, so a speed and its ratio always agree.",
    ...(r.mode === "quick" ? ["Quick run: few, short rounds; read the targets from a full run (npm run bench)."] : []),
    ...busyWarning(m),
  ];
}

/** The ± cell: how much the middle half of the rounds disagreed about this row's ratio (the baseline's own speed). */
const spreadCell = (row: Row | ColdRow): string => fmtHalfSpread(row.isBaseline ? row.iqrPct : row.ratioIqrPct);

/** A speed table: one row per task, a (speed, ×, ±) column group per runtime. */
export function speedTable(runtimes: RuntimeResults[], pick: (rt: RuntimeResults) => Row[], unit: string): string[] {
  const names = pick(runtimes[0]!).map((row) => row.name);
  const head = ["", ...runtimes.flatMap((rt) => [`${rt.name} ${unit}`, "×", "±"])];
  const body = names.map((name) => [
    name,
    ...runtimes.flatMap((rt) => {
      const row = pick(rt).find((x) => x.name === name);
      return row ? [fmtInt(row.pairedMedian), fmtRatio(row.ratio), spreadCell(row)] : ["-", "-", "-"];
    }),
  ]);
  return formatTable([head, ...body]);
}

function coldStartTable(runtimes: RuntimeResults[]): string[] {
  const names = runtimes[0]!.coldStart.map((row) => row.name);
  const head = ["", ...runtimes.flatMap((rt) => [`${rt.name} process`, "import+create", "×", "±"])];
  const body = names.map((name) => [
    name,
    ...runtimes.flatMap((rt) => {
      const row = rt.coldStart.find((x) => x.name === name);
      if (!row) return ["-", "-", "-", "-"];
      return [
        `${(1000 / row.pairedMedian).toFixed(1)} ms`,
        `${row.importMs.toFixed(1)} ms`,
        fmtRatio(row.ratio),
        spreadCell(row),
      ];
    }),
  ]);
  return formatTable([head, ...body]);
}

/** One row per entry; an entry measured by module is followed by a row per part, indented. */
function sizeTable(r: BenchResults): string[] {
  const row = (name: string, s: { minified: number; gzip: number }) => [
    name,
    `${fmtInt(s.minified)} B`,
    `${fmtInt(s.gzip)} B`,
  ];
  return formatTable([
    ["", "min", "min+gzip"],
    ...r.size.flatMap((s) => [row(s.name, s), ...(s.parts ?? []).map((p) => row(`  ${p.name}`, p))]),
  ]);
}

function gatesLines(r: BenchResults): string[] {
  if (!r.gates) return ["   skipped (--quick or --no-gates)"];
  return formatTable(
    r.gates.map((g) => [
      g.name,
      `median ${fmtSeconds(g.totalMs)}`,
      `runs ${g.runs.map((run) => `${fmtSeconds(run.ms)}${run.exitCode === 0 ? "" : ` (exited ${run.exitCode})`}`).join(", ")}`,
      `load average ${g.runs.map((run) => `${run.loadAverage[0].toFixed(1)}→${run.loadAverage[1].toFixed(1)}`).join(", ")}`,
    ]),
    ["left", "left", "left", "left"],
    "   ",
  );
}

/** One line per target or comparison: runtime, where, the ratio with its range over rounds, the verdict. */
function comparisonLines(results: ComparisonResult[]): string[] {
  return formatTable(
    results.map((c) => {
      const range = `middle half of rounds ${c.ratioQ1.toFixed(2)}–${c.ratioQ3.toFixed(2)}, all ${c.ratioMin.toFixed(2)}–${c.ratioMax.toFixed(2)}`;
      const verdict =
        c.min === undefined
          ? ""
          : `${c.met ? "met" : "NOT met"} (target ≥ ${fmtRatio(c.min)})${c.straddles ? "; the middle half of rounds straddles it" : ""}`;
      const mark = c.min === undefined ? " " : c.met ? "✔" : "✘";
      return [
        `${mark} ${c.runtime}`,
        `${c.where}:`,
        `${c.subject} at ${fmtRatio(c.ratio)} ${c.baseline}`,
        range,
        verdict,
      ];
    }),
    ["left", "left", "left", "left", "left"],
  );
}

export function formatReport(r: BenchResults): string {
  const lines = [...header(r), "", `1. Per call, stub fetch, no network (calls/s; × ${BARE_OPENAPI_FETCH})`];
  lines.push(...speedTable(r.runtimes, (rt) => rt.perCall, "calls/s"));
  for (const mode of Object.keys(r.runtimes[0]!.loopback)) {
    lines.push("", `2. Loopback, keep-alive node:http in another process, ${mode} (requests/s; × ${RAW_FETCH})`);
    lines.push(...speedTable(r.runtimes, (rt) => rt.loopback[mode] ?? [], "req/s"));
  }
  lines.push(
    "",
    `3. Cold start, fresh process imports and creates a client, median of ${r.plan.processes} (× openapi-fetch alone, by process time)`,
  );
  lines.push(...coldStartTable(r.runtimes));
  lines.push(
    "",
    "4. Size, bundled with everything it imports, esbuild --minify (bytes, fewer is better); by module, each part's",
    "   bytes in the bundle and those bytes gzipped alone (parts gzip apart from each other, so they add up to more)",
    ...sizeTable(r),
  );
  lines.push("", "5. Gate time (wall)", ...gatesLines(r));
  lines.push("", "Targets: the client with validation off", ...comparisonLines(r.targets));
  lines.push("", "Side comparisons", ...comparisonLines(r.comparisons));
  return lines.join("\n");
}

/** The text docs/performance.md shows for `results`: the printed report. */
export const performanceBlock = (results: BenchResults): string => fenced("text", formatReport(results));

/** Rewrites the figures in docs/performance.md from `results`; returns the file, relative to the root. */
export async function writePerformanceDoc(results: BenchResults): Promise<string> {
  const file = join(ROOT, "docs", "performance.md");
  const text = await fillBlocks(readFileSync(file, "utf8"), { "bench-results": () => performanceBlock(results) }, file);
  writeFileSync(file, text);
  return "docs/performance.md";
}
