// `npm run build`: the package (dist/) and the bin (bin/), with tsdown.config.ts.
import { buildPackage } from "./lib/build.ts";

await buildPackage();
