// A Prism that dies under the contract tests is retried once on a fresh Prism, and reported as
// "could not check" (exit 3) when the fresh one dies too, never as a broken contract. The real
// suite runs here (limited to one operation, as `--operation` limits it), and the test kills the
// real Prism process, by the pid the suite's setup recorded, as soon as a test has used it: twice,
// so one run shows the crash seen, the retry on a fresh Prism and the second crash. That a retry
// which passes gives the verdict is shown with the step runner alone (test/scripts/mock-gate.test.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MockGateDeps, runMockGate } from "../../scripts/lib/contract/mock-gate.ts";
import { runSteps } from "../../scripts/lib/run.ts";
import { toJUnit } from "../../src/gate/report/junit.ts";

const OPERATION = "resendInvitation";
const CONTRACT_STEP = "contract tests (prism, mock)";
/** how long a killer waits for a Prism to kill before giving up */
const WATCH_MS = 120_000;
const POLL_MS = 50;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "prism-crash-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  kind?: string;
  target?: string;
  event?: string;
  pid?: number;
}

function lines(file: string): Line[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

/**
 * Kills each of the first `times` Prisms of the run (SIGKILL, from outside, as a crash looks),
 * each once a test has exercised it. Polls the run's records with a bound; resolves with the pids.
 */
function killPrisms(records: string, times: number): { done: Promise<number[]>; stop: () => void } {
  const killed: number[] = [];
  let stopped = false;
  const done = (async () => {
    const deadline = Date.now() + WATCH_MS;
    while (!stopped && killed.length < times && Date.now() < deadline) {
      const seen = lines(records);
      const started = seen.find((l) => l.kind === "target" && l.target === "prism" && l.event === "started");
      const used = seen.some((l) => l.kind === undefined && l.target === "prism");
      if (started?.pid && used && !killed.includes(started.pid)) {
        process.kill(started.pid, "SIGKILL");
        killed.push(started.pid);
      }
      await new Promise((r) => setTimeout(r, POLL_MS)); // polling the records file, bounded by the deadline
    }
    return killed;
  })();
  return { done, stop: () => (stopped = true) };
}

/** The gate with its real contract-tests step and nothing else that takes time. */
function contractOnly(): MockGateDeps {
  return {
    drift: async () => ({ stale: [], files: 0 }),
    specDiff: async () => ({ kind: "unchanged", base: "test" }),
    runSteps: async (steps, io) => {
      const contract = steps.filter((s) => s.name === CONTRACT_STEP);
      const results = await runSteps(contract, io);
      return [
        ...steps.filter((s) => s.name !== CONTRACT_STEP).map((s) => ({ name: s.name, ok: true, ms: 0 })),
        ...results,
      ];
    },
  };
}

// the suite's own vitest must not think it runs inside this one
const io = () => {
  const log: string[] = [];
  return {
    log,
    stepIo: {
      colour: false,
      log: (line: string) => log.push(line),
      error: (line: string) => log.push(line),
      capture: true,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    },
  };
};

describe("a Prism killed mid-run", () => {
  it("twice: could not check (exit 3), naming the crash and a test it failed; no test counted as failed", {
    timeout: 240_000,
  }, async () => {
    const killer = killPrisms(join(dir, "contract-records.jsonl"), 2);
    const out = io();
    const { report, broken } = await runMockGate(
      { reportDir: dir, operations: [OPERATION] },
      out.stepIo,
      contractOnly(),
    );
    killer.stop();
    const pids = await killer.done;
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    expect(report.ok).toBe(false);
    expect(report.unchecked?.cause).toMatch(
      /^prism on http:\/\/127\.0\.0\.1:\d+ exited \(SIGKILL\) \d+ ms after it answered, while tests used it; it had crashed in the first run too, and this was a fresh prism$/,
    );
    expect(broken).toBe(report.unchecked!.cause);
    expect(report.cases.filter((c) => c.status === "failed")).toEqual([]);
    const unchecked = report.cases.filter((c) => c.status === "unchecked");
    expect(unchecked.length).toBeGreaterThan(0);
    expect(report.unchecked?.request).toBe(`the test "${unchecked[0]!.name}"`);
    expect(report.steps.find((s) => s.name === CONTRACT_STEP)).toMatchObject({ ok: false, unchecked: true });
    expect(toJUnit(report)).not.toContain("<failure");
  });
});
