// Where things are in this repository. Every script and test finds the repository's files
// through here, so moving one means changing one line.
//
// Nothing that ships in the `leadconduit-contract` bin may import this module: installed from
// npm, there is no repository around the bin.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder, with a trailing separator. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A path inside the repository. */
export const inRoot = (...parts: string[]): string => join(ROOT, ...parts);

export const PATHS = {
  spec: inRoot("spec", "leadconduit.yaml"),
  /** the spec as reports and annotations name it: relative to the root, forward slashes */
  specRelative: "spec/leadconduit.yaml",
  packageJson: inRoot("package.json"),
  reports: inRoot("reports"),
  workflows: inRoot(".github", "workflows"),
  dist: inRoot("dist"),
  tmp: inRoot(".tmp"),
} as const;

/** A file inside an installed package, for running its CLI with `node` directly. */
export const packageFile = (pkg: string, file: string): string => inRoot("node_modules", pkg, file);
