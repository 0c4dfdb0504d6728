// What the orchestrator (bench/index.ts) hands a measurement worker (bench/worker.ts) running
// under one Node binary, and what the worker prints back: one JSON line on stdout.
import type { Plan } from "./args.ts";
import type { Series } from "./stats.ts";

export interface WorkerInput {
  plan: Plan;
  /** the loopback server */
  url: string;
  /** the body the stub fetch and the server answer (the spec's example) */
  body: string;
  /** createRecipient's input */
  input: { email: string };
  apiKey: string;
  /** file URLs of the built client and the bundled hey-api SDK */
  modules: { client: string; heyApi: string };
}

export interface WorkerOutput {
  /** process.version of the binary that measured */
  node: string;
  perCall: Series[];
  /** by loopback mode ("sequential", "32 concurrent") */
  loopback: Record<string, Series[]>;
}

const isSeries = (x: unknown): x is Series =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as Series).name === "string" &&
  Array.isArray((x as Series).values) &&
  (x as Series).values.every((v) => typeof v === "number" && Number.isFinite(v) && v > 0);

/** The worker's report: the last stdout line that is a JSON object; throws saying what is wrong. */
export function parseWorkerOutput(stdout: string): WorkerOutput {
  const line = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) throw new Error("the worker printed no JSON report");
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new Error(`the worker's report is not JSON: ${(error as Error).message}`);
  }
  const out = parsed as WorkerOutput;
  const loopback = out.loopback && typeof out.loopback === "object" ? Object.values(out.loopback) : [];
  if (
    typeof out.node !== "string" ||
    !Array.isArray(out.perCall) ||
    !out.perCall.every(isSeries) ||
    loopback.length === 0 ||
    !loopback.every((series) => Array.isArray(series) && series.every(isSeries))
  ) {
    throw new Error(`the worker's report lacks node, perCall or loopback series: ${line.slice(0, 200)}`);
  }
  return out;
}
