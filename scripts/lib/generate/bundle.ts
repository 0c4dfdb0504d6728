// The spec as one JSON document, bundled in-process by Redocly's openapi-core (the library under
// `redocly bundle`): external `$ref`s inlined, nothing else changed. It is generated/openapi.json,
// which the package ships and everything downstream of generation reads.
import { bundle, createConfig } from "@redocly/openapi-core";
import type { JsonObject } from "../../../src/gate/spec-model.ts";

export async function bundleSpec(path: string): Promise<JsonObject> {
  const config = await createConfig({ telemetry: "off" });
  const result = await bundle({ ref: path, config });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length) throw new Error(`bundling ${path} failed: ${errors.map((p) => p.message).join("; ")}`);
  return result.bundle.parsed as JsonObject;
}
