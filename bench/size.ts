// Section 4, size: each entry bundled with everything it imports, minified and gzipped
// (scripts/lib/size.ts, esbuild pinned, so the figures are deterministic).
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { bundledSize } from "../scripts/lib/size.ts";

interface SizeEntry {
  name: string;
  entry: string;
  stubValidators?: boolean;
}

export interface SizeRow {
  name: string;
  minified: number;
  gzip: number;
}

/** The rows of the size table, in order. */
export function sizeEntries(heyApiEntry: string): SizeEntry[] {
  return [
    { name: "leadconduit-client (dist/index.mjs)", entry: join(ROOT, "dist", "index.mjs") },
    {
      name: "leadconduit-client without validators",
      entry: join(ROOT, "src", "client", "index.ts"),
      stubValidators: true,
    },
    { name: "leadconduit-client/testing (dist/testing.mjs)", entry: join(ROOT, "dist", "testing.mjs") },
    { name: "openapi-fetch alone", entry: join(ROOT, "node_modules", "openapi-fetch", "dist", "index.mjs") },
    { name: "@hey-api/openapi-ts SDK + fetch client", entry: heyApiEntry },
  ];
}

export async function measureSizes(entries: SizeEntry[]): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const { name, entry, stubValidators } of entries) {
    rows.push({ name, ...(await bundledSize(entry, { stubValidators: stubValidators ?? false })) });
  }
  return rows;
}
