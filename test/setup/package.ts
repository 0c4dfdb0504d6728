// vitest's global setup for the package checks and the runtime matrix: the packed package
// (test/support/package/build.ts) and a downstream app with it installed (app.ts) become
// resources of the run's broker (contract-tests/lib/broker.ts): built the first time a test asks,
// once for the whole run, and their scratch folders removed when it ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { holdBroker } from "../../contract-tests/lib/broker.ts";
import { installApp } from "../support/package/app.ts";
import { buildPackage, type Packed } from "../support/package/build.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(project: TestProject) {
  const broker = await holdBroker();
  const scratch = mkdtempSync(join(tmpdir(), "lc-package-"));
  let packed: Promise<Packed> | undefined;
  // the build is kept between runs (.tmp/package/<hash of its inputs>); the app is made afresh
  const pack = () => (packed ??= buildPackage(ROOT, join(ROOT, ".tmp", "package")));
  broker.register("package", async () => ({ value: JSON.stringify(await pack()) }));
  broker.register("app", async () => ({
    value: JSON.stringify(await installApp(ROOT, await pack(), join(scratch, "app"))),
  }));
  project.provide("brokerUrl", broker.url);
  return async () => {
    await broker.release();
    rmSync(scratch, { recursive: true, force: true });
  };
}
