// `npm run build`: the package (dist/) and the bin (bin/), with tsdown.config.ts, through
// tsdown's API (its CLI prints a Node 20 deprecation notice nobody here can act on: tsdown
// 0.21.10 is pinned as the last release for Node 20).

import { settleColour } from "../../src/gate/terminal.ts";
import { inRoot } from "./paths.ts";

export async function buildPackage(options: { quiet?: boolean } = {}): Promise<void> {
  settleColour();
  // imported after the colour is settled: its colour library reads the environment on load
  const { build } = await import("tsdown");
  await build({
    config: inRoot("tsdown.config.ts"),
    cwd: inRoot(),
    ...(options.quiet ? { logLevel: "warn" as const } : {}),
  });
}
