// vitest's global setup for the projects that reach the suite's targets (the contract suite, the
// package checks, the runtime matrix): each target of contract-tests/lib/targets.ts becomes a
// resource of the run's broker (contract-tests/lib/broker.ts), started the first time a test asks
// for it (Prism as a process, the mock behind a node:http server, each on a loopback port) and
// stopped when the run ends.
import type { TestProject } from "vitest/node";
import { holdBroker } from "../lib/broker.ts";
import { TARGETS } from "../lib/targets.ts";

export default async function setup(project: TestProject) {
  const broker = await holdBroker();
  for (const target of TARGETS) {
    broker.register(target.name, async () => {
      const running = await target.start();
      return { value: running.url, stop: running.stop };
    });
  }
  // the contract suite asks for every target in its first file: start them now, while vitest
  // starts its workers, instead of then (Prism takes two seconds to answer)
  if (project.name === "contract") for (const target of TARGETS) broker.warm(target.name);
  project.provide("brokerUrl", broker.url);
  return () => broker.release();
}
