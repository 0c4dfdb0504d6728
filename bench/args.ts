// The bench's command line, and how much it measures in each mode.

export interface BenchArgs {
  /** a short run (under 20 s) that skips the test-suite timings */
  quick: boolean;
  /** time `npm test` and `npm run contract` (full run only) */
  gates: boolean;
  /** replace the committed bench/results.json */
  write: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench [-- --quick | --no-gates] [-- --write]

  --quick     short run (under 20 s): fewer rounds and calls, no test-suite timings
  --no-gates  full rounds, but skip timing \`npm test\` and \`npm run contract\`
  --write     replace the committed bench/results.json (full runs only); without it the
              results go to reports/bench.json, which git ignores
  --help      this text`;

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, gates: true, write: false, help: false };
  for (const arg of argv) {
    if (arg === "--quick") args.quick = true;
    else if (arg === "--no-gates") args.gates = false;
    else if (arg === "--write") args.write = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else throw new UsageError(`unknown argument ${JSON.stringify(arg)}\n\n${USAGE}`);
  }
  if (args.quick) args.gates = false;
  // quick figures are too noisy to stand as the published ones
  if (args.quick && args.write) throw new UsageError(`--write needs a full run, not --quick\n\n${USAGE}`);
  return args;
}

/**
 * How much to measure: the same shape in both modes, fewer and shorter rounds in --quick. Many
 * short rounds rather than a few long ones: a burst of load from another process then spoils a
 * few rounds, which the median drops, instead of one side of every ratio.
 */
export interface Plan {
  rounds: number;
  /** per call: tinybench time per task per round, and its warm-up */
  perCallMs: number;
  perCallWarmupMs: number;
  /** loopback: time per task per round at each concurrency, and its warm-up (time-boxed, so a
   * loaded machine makes fewer calls instead of a longer run) */
  loopbackMs: number;
  loopbackWarmupMs: number;
  concurrency: number[];
  /** cold start: fresh processes per subject per runtime */
  processes: number;
}

export function planFor(quick: boolean): Plan {
  return quick
    ? {
        rounds: 5,
        perCallMs: 40,
        perCallWarmupMs: 10,
        loopbackMs: 50,
        loopbackWarmupMs: 50,
        concurrency: [1, 32],
        processes: 3,
      }
    : {
        rounds: 15,
        perCallMs: 150,
        perCallWarmupMs: 30,
        loopbackMs: 200,
        loopbackWarmupMs: 300,
        concurrency: [1, 32],
        processes: 10,
      };
}

/** The name of a loopback mode, as the tables and results.json show it. */
export const loopbackMode = (concurrency: number): string =>
  concurrency === 1 ? "sequential" : `${concurrency} concurrent`;
