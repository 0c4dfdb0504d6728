// vitest's global setup for the contract suite: every target of contract-tests/lib/targets.ts
// started once for the whole run (Prism as a process, the mock behind a node:http server, each
// on a free loopback port), their URLs provided to the tests, and all stopped in teardown.
import type { TestProject } from "vitest/node";
import { type Running, TARGETS } from "../lib/targets.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** target name → base URL */
    targetUrls: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const started = await Promise.allSettled(TARGETS.map((t) => t.start()));
  const running = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(running.map((r) => r.stop()));
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide(
    "targetUrls",
    Object.fromEntries(TARGETS.map((t, i) => [t.name, (started[i] as PromiseFulfilledResult<Running>).value.url])),
  );
  return stopAll;
}
