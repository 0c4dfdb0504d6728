// Section 3, cold start: a fresh process imports the package and creates a client, alternated
// with the baselines process by process, in rotated order, so that drift in machine load hits all alike.
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { ROOT } from "../scripts/lib/paths.ts";
import type { Runtime } from "./runtimes.ts";
import { rotation, type Series } from "./stats.ts";

export const COLD_BASELINE = "openapi-fetch alone";

/** A module script that times import + create and prints the milliseconds. */
const timed = (body: string) => `const t=performance.now();${body};process.stdout.write(String(performance.now()-t));`;

export function coldStartScripts(clientEntry: string, heyApiBundle: string): Record<string, string> {
  const client = JSON.stringify(pathToFileURL(clientEntry).href);
  const heyApi = JSON.stringify(pathToFileURL(heyApiBundle).href);
  return {
    "leadconduit-client": timed(`const m=await import(${client});m.createLeadConduitClient({apiKey:"k"})`),
    [COLD_BASELINE]: timed(`const m=await import("openapi-fetch");m.default({baseUrl:"https://app.leadconduit.com"})`),
    "@hey-api/openapi-ts fetch client": timed(
      `const m=await import(${heyApi});m.createClient(m.createConfig({baseUrl:"https://app.leadconduit.com",auth:"API:k"}))`,
    ),
  };
}

export interface ColdStart {
  /** process wall time in ms, one value per process */
  processMs: Series[];
  /** import + create in ms, as the process measured it */
  importMs: Series[];
}

export function measureColdStart(runtime: Runtime, scripts: Record<string, string>, processes: number): ColdStart {
  const names = Object.keys(scripts);
  const processMs: Series[] = names.map((name) => ({ name, values: [] }));
  const importMs: Series[] = names.map((name) => ({ name, values: [] }));
  for (let i = 0; i < processes; i++) {
    for (const k of rotation(names.length, i)) {
      const name = names[k]!;
      const started = performance.now();
      const out = spawnSync(runtime.bin, ["--input-type=module", "-e", scripts[name]!], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      const elapsed = performance.now() - started;
      if (out.status !== 0)
        throw new Error(`cold start of ${name} on ${runtime.name} failed: ${out.stderr || out.error}`);
      processMs[k]!.values.push(elapsed);
      importMs[k]!.values.push(Number(out.stdout));
    }
  }
  return { processMs, importMs };
}
