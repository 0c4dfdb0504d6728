// `npm run release:plan [-- --write | --check-tag vX.Y.Z]`: the next version from the spec's
// changes since the last release, and its CHANGELOG section (scripts/lib/release-plan.ts).
import { releasePlanMain } from "./lib/release-plan.ts";

process.exitCode = await releasePlanMain(process.argv.slice(2));
