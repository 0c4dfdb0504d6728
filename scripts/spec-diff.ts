// `npm run spec:diff [-- --base REF]`: the breaking-change gate (scripts/lib/spec-diff.ts).
import { specDiffMain } from "./lib/spec-diff.ts";

process.exitCode = await specDiffMain(process.argv.slice(2));
