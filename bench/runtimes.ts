// The Node versions the bench measures on: this machine's (Node 20, the floor of `engines`)
// and Node 24 from the pinned npm package, installed into .tmp/runtimes/ on first use the way
// `npm run test:runtimes` gets it. Both in the same run, so their ratios are comparable.
import { ensureNpmRuntime, NPM_RUNTIMES } from "../scripts/lib/npm-runtimes.ts";

export interface Runtime {
  /** "node 20", "node 24" */
  name: string;
  bin: string;
}

const hostRuntime = (): Runtime => ({ name: `node ${process.versions.node.split(".")[0]}`, bin: process.execPath });

/** This Node and Node 24; throws, saying why, when Node 24 cannot be had (the bench needs both). */
export async function benchRuntimes(): Promise<Runtime[]> {
  const node24 = NPM_RUNTIMES.find((rt) => rt.name === "node 24")!;
  const host = hostRuntime();
  if (host.name === node24.name) return [host];
  try {
    return [host, { name: node24.name, bin: await ensureNpmRuntime(node24) }];
  } catch (error) {
    throw new Error(`${node24.pkg}@${node24.version} cannot be had: ${(error as Error).message}`);
  }
}
