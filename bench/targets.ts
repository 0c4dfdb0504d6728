// The targets for the client with validation off, and the side comparisons the report
// prints, evaluated per Node version from the per-round series (ratios within each round).
import { type Series, type Summary, summarize } from "./stats.ts";
import {
  BARE_OPENAPI_FETCH,
  CLIENT_OFF,
  CLIENT_VIA_OPENAPI_FETCH,
  HAND_ROLLED,
  HEY_API,
  RAW_FETCH,
  RAW_FETCH_SIGNAL,
} from "./subjects.ts";

export interface Comparison {
  section: "perCall" | "loopback";
  subject: string;
  baseline: string;
  /** the least ratio that meets the target; none for a comparison shown for information */
  min?: number;
}

export const TARGETS: Comparison[] = [
  { section: "perCall", subject: CLIENT_OFF, baseline: BARE_OPENAPI_FETCH, min: 0.9 },
  { section: "loopback", subject: CLIENT_OFF, baseline: RAW_FETCH, min: 0.95 },
];

export const COMPARISONS: Comparison[] = [
  // what the direct send path is worth: typed calls without middleware, over the same with some
  { section: "perCall", subject: CLIENT_OFF, baseline: CLIENT_VIA_OPENAPI_FETCH },
  { section: "loopback", subject: CLIENT_OFF, baseline: CLIENT_VIA_OPENAPI_FETCH },
  // what the client adds to the timeout signal it cannot do without
  { section: "loopback", subject: CLIENT_OFF, baseline: RAW_FETCH_SIGNAL },
  { section: "perCall", subject: CLIENT_OFF, baseline: HAND_ROLLED },
  { section: "perCall", subject: CLIENT_OFF, baseline: HEY_API },
  { section: "loopback", subject: CLIENT_OFF, baseline: HEY_API },
];

/** What one runtime measured, as the comparisons read it. */
export interface MeasuredSeries {
  runtime: string;
  perCall: Series[];
  loopback: Record<string, Series[]>;
}

export interface ComparisonResult {
  runtime: string;
  /** "per call", "loopback, sequential", ... */
  where: string;
  subject: string;
  baseline: string;
  min?: number;
  ratio: number;
  ratioQ1: number;
  ratioQ3: number;
  ratioMin: number;
  ratioMax: number;
  /** ratio ≥ min (undefined without a min) */
  met?: boolean;
  /** the middle half of the rounds lies on both sides of min: the verdict is within the noise */
  straddles?: boolean;
}

function compare(runtime: string, where: string, series: Series[], c: Comparison): ComparisonResult {
  const row = summarize(series, c.baseline).find((s) => s.name === c.subject);
  if (!row) throw new Error(`no series named ${JSON.stringify(c.subject)} (${where}, ${runtime})`);
  const result: ComparisonResult = { runtime, where, subject: c.subject, baseline: c.baseline, ...pick(row) };
  if (c.min === undefined) return result;
  return { ...result, min: c.min, met: row.ratio >= c.min, straddles: row.ratioQ1 < c.min && row.ratioQ3 >= c.min };
}

const pick = ({ ratio, ratioQ1, ratioQ3, ratioMin, ratioMax }: Summary) => ({
  ratio,
  ratioQ1,
  ratioQ3,
  ratioMin,
  ratioMax,
});

/** Each comparison on each runtime; a loopback one at every concurrency measured. */
export function evaluate(measured: MeasuredSeries[], comparisons: Comparison[]): ComparisonResult[] {
  return measured.flatMap((m) =>
    comparisons.flatMap((c) =>
      c.section === "perCall"
        ? [compare(m.runtime, "per call", m.perCall, c)]
        : Object.entries(m.loopback).map(([mode, series]) => compare(m.runtime, `loopback, ${mode}`, series, c)),
    ),
  );
}
