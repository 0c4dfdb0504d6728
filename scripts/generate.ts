// `npm run generate`: everything generated/ holds, from spec/leadconduit.yaml (scripts/lib/generate/).
// `--check` (the drift check) writes nothing and fails, naming each stale file and what to run.
import { runGenerate } from "./lib/generate/index.ts";

process.exitCode = await runGenerate(process.argv.includes("--check"));
