// The package and the app of this test run, as a test asks for them (test/setup/package.ts makes them).
import { acquire } from "../../../contract-tests/lib/broker.ts";
import { TARGETS } from "../../../contract-tests/lib/targets.ts";
import type { App } from "./app.ts";
import type { Packed } from "./build.ts";

export const packedPackage = async (): Promise<Packed> => JSON.parse(await acquire("package")) as Packed;
export const installedApp = async (): Promise<App> => JSON.parse(await acquire("app")) as App;
/**
 * A server that implements the spec, with the key it takes: the suite's mock target (the kit's
 * mock behind node:http), shared by the run. Prism stays the contract suite's.
 */
export async function specServer(): Promise<{ url: string; apiKey: string }> {
  const mock = TARGETS.find((t) => t.name === "mock")!;
  return { url: await acquire(mock.name), apiKey: mock.apiKey };
}
