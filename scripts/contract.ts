// `npm run contract`: the gate that says whether client, spec and server still agree.
//   npm run contract                     lint, drift check, contract tests against Prism, coverage
//   npm run contract -- --tests-only     the contract tests and coverage only (npm test runs the rest)
//   npm run contract -- --target <url>   the same contract checked against a real server
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MODES, type Mode, readExercised } from "./lib/coverage.ts";
import { loadSpec } from "./lib/spec.ts";
import { formatTimings, npmRun, runStep, type StepResult, writeJson } from "./lib/steps.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const reports = `${root}reports`;
const argv = process.argv.slice(2);

const targetGiven = argv.includes("--target") || argv.some((a) => a.startsWith("--target="));
// `--tests-only` is npm test's mock run: a LEADCONDUIT_BASE_URL in the environment must not
// turn it into a live run
if (targetGiven || (process.env.LEADCONDUIT_BASE_URL && !argv.includes("--tests-only"))) {
  const { liveMain } = await import("./lib/live-cli.ts");
  process.exit(await liveMain(argv, process.env));
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

const started = performance.now();
const results: StepResult[] = [];
if (!argv.includes("--tests-only")) {
  results.push(await runStep({ name: "lint spec", ...npmRun("lint:spec") }));
  results.push(await runStep({ name: "drift check", ...npmRun("check:generated") }));
}

const recordsFile = `${reports}/contract-records.jsonl`;
const vitestJson = `${reports}/contract-vitest.json`;
rmSync(recordsFile, { force: true });
rmSync(vitestJson, { force: true });
results.push(
  await runStep({
    name: "contract tests (Prism)",
    command: process.execPath,
    args: [
      `${root}node_modules/vitest/vitest.mjs`,
      "run",
      "--project",
      "contract",
      "--reporter=dot",
      "--reporter=json",
      `--outputFile.json=${vitestJson}`,
      "--reporter=junit",
      `--outputFile.junit=${reports}/contract.junit.xml`,
    ],
    env: { LC_CONTRACT_RECORDS: recordsFile },
  }),
);

const spec = loadSpec();
const exercised = readExercised(recordsFile);
const tests: VitestJson | undefined = existsSync(vitestJson) ? JSON.parse(readFileSync(vitestJson, "utf8")) : undefined;
const assertions = tests?.testResults.flatMap((f) => f.assertionResults) ?? [];

const documentedPairs = spec.operations.flatMap((op) =>
  op.responses.map((r) => ({ operationId: op.operationId, status: Number(r.status), documented: true })),
);
const undocumentedPairs = [
  ...new Map(
    exercised.filter((e) => !e.documented).map((e) => [`${e.operationId} ${e.status}`, e] as const),
  ).values(),
]
  .map((e) => ({ operationId: e.operationId, status: e.status, documented: false }))
  .sort((a, b) => a.operationId.localeCompare(b.operationId) || a.status - b.status);

const rows = [...documentedPairs, ...undocumentedPairs].map((pair) => {
  const hits = exercised.filter((e) => e.operationId === pair.operationId && e.status === pair.status);
  const byMode = Object.fromEntries(MODES.map((m) => [m, hits.filter((h) => h.mode === m).length]));
  return { ...pair, ...byMode, exercised: hits.length > 0 } as typeof pair & Record<Mode, number> & {
    exercised: boolean;
  };
});
const perOperation = spec.operations.map((op) => {
  const mine = assertions.filter((a) => a.fullName.includes(op.operationId));
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    passed: mine.filter((a) => a.status === "passed").length,
    failed: mine.filter((a) => a.status === "failed").length,
  };
});
const covered = rows.filter((r) => r.documented && r.exercised).length;
const missing = rows.filter((r) => r.documented && !r.exercised);
const testsOk = results.every((r) => r.ok) && tests !== undefined && tests.numFailedTests === 0;
const ok = testsOk && missing.length === 0;

const pad = (value: unknown, width: number) => String(value).padEnd(width);
const opWidth = Math.max(...spec.operations.map((o) => o.operationId.length));
console.log(`\nContract report: spec/leadconduit.yaml (${spec.operations.length} operations) against Prism`);
console.log(
  `  ${pad("operation", opWidth)}  status  documented  ${MODES.map((m) => pad(m, 9)).join(" ")}  result`,
);
for (const row of rows) {
  const result = row.documented ? (row.exercised ? "pass" : "NOT EXERCISED") : "refused as expected";
  console.log(
    `  ${pad(row.operationId, opWidth)}  ${pad(row.status, 6)}  ${pad(row.documented ? "yes" : "no", 10)}  ${MODES.map((m) =>
      pad(row[m], 9),
    ).join(" ")}  ${result}`,
  );
}
console.log(
  `\n  coverage: ${covered}/${documentedPairs.length} documented (operation, status) pairs exercised (${Math.round(
    (100 * covered) / documentedPairs.length,
  )}%)`,
);
for (const op of perOperation) {
  console.log(`  ${op.failed ? "✘" : "✓"} ${pad(`${op.method} ${op.path}`, 34)} ${op.passed} passed, ${op.failed} failed`);
}
for (const m of missing) console.log(`  ✘ ${m.operationId} ${m.status} is documented but no test exercised it`);
const totalMs = performance.now() - started;
console.log(`\n${formatTimings("Gate steps", results, totalMs)}`);
writeJson(`${reports}/contract-mock.json`, {
  ok,
  spec: "spec/leadconduit.yaml",
  target: "prism",
  coverage: { covered, documented: documentedPairs.length, missing },
  rows,
  operations: perOperation,
  steps: results,
  totalMs: Math.round(totalMs),
});
console.log(`\ncontract: ${tests?.numPassedTests ?? 0} passed, ${tests ? tests.numFailedTests : 1} failed`);
console.log(ok ? "✓ contract gate passed" : "✘ contract gate FAILED");
process.exit(ok ? 0 : 1);
