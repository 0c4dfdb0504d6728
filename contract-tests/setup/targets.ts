// vitest's global setup for the projects that reach the suite's targets (the contract suite, the
// package checks, the runtime matrix): each target of contract-tests/lib/targets.ts becomes a
// resource of the run's broker (contract-tests/lib/broker.ts), started the first time a test asks
// for it (Prism as a process, the mock behind a node:http server, each on a loopback port) and
// stopped when the run ends.
//
// A target process that ends before the run stops it (Prism crashing, or killed) is the one thing
// the tests cannot tell from a broken contract: they only see refused connections. This setup,
// which started it, sees it exit, and writes it into the run's records (LC_CONTRACT_RECORDS) for
// the gate, which then runs the suite again on a fresh Prism, once (scripts/lib/contract/mock-gate.ts).
import type { TestProject } from "vitest/node";
import { holdBroker } from "../lib/broker.ts";
import { appendTargetEvent } from "../lib/records.ts";
import { TARGETS } from "../lib/targets.ts";

export default async function setup(project: TestProject) {
  const broker = await holdBroker();
  const records = process.env.LC_CONTRACT_RECORDS;
  for (const target of TARGETS) {
    broker.register(target.name, async () => {
      const running = await target.start();
      if (records)
        appendTargetEvent(records, { target: target.name, event: "started", url: running.url, pid: running.pid });
      void running.crashed?.then((cause) => {
        if (records) appendTargetEvent(records, { target: target.name, event: "crashed", pid: running.pid, cause });
        else console.error(`the run's ${target.name} target ended before the run did: ${cause}`);
      });
      return { value: running.url, stop: running.stop };
    });
  }
  // the contract suite asks for every target in its first file: start them now, while vitest
  // starts its workers, instead of then (Prism takes two seconds to answer)
  if (project.name === "contract") for (const target of TARGETS) broker.warm(target.name);
  project.provide("brokerUrl", broker.url);
  return () => broker.release();
}
