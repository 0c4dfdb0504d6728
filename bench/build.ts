// The bench measures the built package (dist/), what users get. It is rebuilt when any input
// of the build is newer than dist/index.mjs, so a rerun does not pay for tsdown again.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { run, tail } from "../scripts/lib/run.ts";

const OUTPUT = join(ROOT, "dist", "index.mjs");
/** What tsdown reads (tsdown.config.ts, src/, generated/ with the bundled spec it copies into dist/). */
const INPUTS = ["src", "generated", "tsdown.config.ts", "tsconfig.json", "package.json", "package-lock.json"];

/** True when the output is missing or any input changed after it was written. */
export const isStale = (outputMtimeMs: number | undefined, inputMtimesMs: number[]): boolean =>
  outputMtimeMs === undefined || inputMtimesMs.some((m) => m > outputMtimeMs);

function mtimes(path: string): number[] {
  if (!existsSync(path)) return [];
  const stat = statSync(path);
  if (!stat.isDirectory()) return [stat.mtimeMs];
  return readdirSync(path).flatMap((name) => mtimes(join(path, name)));
}

/** Builds dist/ with tsdown when it is stale; says whether it did. */
export async function ensureBuilt(): Promise<boolean> {
  const output = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : undefined;
  if (
    !isStale(
      output,
      INPUTS.flatMap((p) => mtimes(join(ROOT, p))),
    )
  )
    return false;
  const result = await run(join(ROOT, "node_modules", ".bin", "tsdown"), [], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1" },
    timeoutMs: 180_000,
  });
  if (result.code !== 0) throw new Error(`build (tsdown) failed:\n${tail(result)}`);
  return true;
}
