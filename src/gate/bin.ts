// The `leadconduit-contract` bin of the package: the live contract check with nothing but the
// installed package. tsdown bundles it (Ajv included) into bin/leadconduit-contract.mjs; the
// spec is the package's own dist/openapi.json, the contract this client was built from.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { processIo } from "./cli/io.ts";
import { type CliDeps, runCli } from "./cli/main.ts";
import { type JsonObject, specFromDocument } from "./spec-model.ts";

const PACKAGE = "leadconduit-client";

/** The installed package's folder: the nearest package.json above this file named PACKAGE. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE)
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`${PACKAGE}'s package.json was not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

const binDeps: CliDeps = {
  program: "bin",
  name: "leadconduit-contract",
  version: () => (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version,
  loadSpec: async () => {
    const document = JSON.parse(readFileSync(join(packageRoot(), "dist", "openapi.json"), "utf8")) as JsonObject;
    return { spec: specFromDocument(document), file: `${PACKAGE}/openapi.json` };
  },
};

process.exitCode = await runCli(process.argv.slice(2), processIo(), binDeps);
