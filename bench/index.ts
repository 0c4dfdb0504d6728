// `npm run bench`: what the client costs over openapi-fetch, fetch and the peer generator
// (@hey-api/openapi-ts), measured side by side on Node 20 and Node 24 in one run; cold start,
// size, and (full runs) the wall time of `npm test` and `npm run contract`. Prints one report
// and writes reports/bench.json (ignored by git); bench/results.json and the figures in
// docs/performance.md only with --write.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { parseArgs, USAGE, UsageError } from "./args.ts";
import { formatReport, writePerformanceDoc } from "./report.ts";
import { runBench } from "./run.ts";
import { fmtSeconds } from "./table.ts";

function write(path: string, data: unknown): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path.slice(ROOT.length);
}

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
  } else {
    const started = performance.now();
    const log = (line: string) => console.error(`[${fmtSeconds(performance.now() - started).padStart(7)}] ${line}`);
    const results = await runBench(args, log);
    console.log(`\n${formatReport(results)}\n`);
    const written = [write(join(ROOT, "reports", "bench.json"), results)];
    if (args.write) {
      written.push(write(join(ROOT, "bench", "results.json"), results));
      written.push(await writePerformanceDoc(results));
    }
    const committed = args.write ? "" : " (bench/results.json unchanged: --write replaces it)";
    console.log(`bench took ${fmtSeconds(results.tookMs)}; results in ${written.join(" and ")}${committed}`);
  }
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
