// What one run of the bench found, as printed and as written to JSON: per Node version the
// summaries (ratios within rounds) with the raw per-round values kept beside them.
import type { Plan } from "./args.ts";
import { COLD_BASELINE, type ColdStart } from "./cold-start.ts";
import type { GateTime } from "./gates.ts";
import type { WorkerOutput } from "./protocol.ts";
import type { SizeRow } from "./size.ts";
import { median, perSecond, type Series, type Summary, summarize } from "./stats.ts";
import { BARE_OPENAPI_FETCH, RAW_FETCH } from "./subjects.ts";
import type { ComparisonResult, MeasuredSeries } from "./targets.ts";

/** A summary with the per-round values it came from (calls/s, requests/s). */
export type Row = Summary & { values: number[] };

/** Cold start: speeds are starts per second so the ratio reads like the others; ms kept as measured. */
export type ColdRow = Summary & { processMs: number[]; importMs: number };

export interface RuntimeResults {
  /** "node 20" */
  name: string;
  /** process.version of the binary */
  node: string;
  perCall: Row[];
  /** by mode: "sequential", "32 concurrent" */
  loopback: Record<string, Row[]>;
  coldStart: ColdRow[];
}

export interface BenchResults {
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    date: string;
    /** 1-minute load average when the run started and when it ended: other work on the machine */
    loadAverage: [number, number];
  };
  mode: "quick" | "full";
  plan: Plan;
  heyApi: { version: string };
  runtimes: RuntimeResults[];
  targets: ComparisonResult[];
  comparisons: ComparisonResult[];
  size: SizeRow[];
  gates?: GateTime[];
  tookMs: number;
}

const rows = (series: Series[], baseline: string): Row[] =>
  summarize(series, baseline).map((s, i) => ({ ...s, values: series[i]!.values }));

function coldRows(cold: ColdStart): ColdRow[] {
  const speeds = cold.processMs.map(({ name, values }) => ({ name, values: perSecond(values) }));
  return summarize(speeds, COLD_BASELINE).map((s, i) => ({
    ...s,
    processMs: cold.processMs[i]!.values,
    importMs: median(cold.importMs[i]!.values),
  }));
}

export function runtimeResults(name: string, measured: WorkerOutput, cold: ColdStart): RuntimeResults {
  return {
    name,
    node: measured.node,
    perCall: rows(measured.perCall, BARE_OPENAPI_FETCH),
    loopback: Object.fromEntries(Object.entries(measured.loopback).map(([mode, s]) => [mode, rows(s, RAW_FETCH)])),
    coldStart: coldRows(cold),
  };
}

/** The raw series again, for the comparisons. */
export const measuredSeries = (r: RuntimeResults): MeasuredSeries => ({
  runtime: r.name,
  perCall: r.perCall,
  loopback: r.loopback,
});
