// `npm test`: everything, one step after another, with the time each step took.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatTimings, npmRun, runSteps, type Step, writeJson } from "./lib/steps.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const scripts = (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;

const steps: Step[] = [
  { name: "lint spec", ...npmRun("lint:spec") },
  { name: "drift check", ...npmRun("check:generated") },
  { name: "breaking-change check (spec:diff)", ...npmRun("spec:diff") },
  { name: "typecheck", ...npmRun("typecheck") },
  { name: "unit tests", ...npmRun("test:unit") },
  { name: "contract tests (Prism)", command: process.execPath, args: ["--import", "tsx", `${root}scripts/contract.ts`, "--tests-only"] },
  { name: "package (pack, publint, attw, consumer)", ...npmRun("check:package") },
];

const started = performance.now();
const results = await runSteps(steps.filter((s) => s.command !== "npm" || scripts[s.args[2]!] !== undefined));
const totalMs = performance.now() - started;
console.log(`\n${formatTimings("npm test steps", results, totalMs)}`);
writeJson(`${root}reports/timings-test.json`, { steps: results, totalMs: Math.round(totalMs) });
const failed = results.filter((r) => !r.ok);
console.log(`\nsteps: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
