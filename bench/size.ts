// Section 4, size: each entry bundled with everything it imports, minified and gzipped
// (scripts/lib/size.ts, esbuild pinned, so the figures are deterministic), and the client's main
// entry by module, so a regression names its cause.
import { join } from "node:path";
import { ROOT } from "../scripts/lib/paths.ts";
import { bundledSize, bundledSizeByModule, CLIENT_MODULES, type PartSize } from "../scripts/lib/size.ts";

interface SizeEntry {
  name: string;
  entry: string;
  /** measure it by module too */
  byModule?: boolean;
}

export interface SizeRow {
  name: string;
  minified: number;
  gzip: number;
  /** by module: each part's bytes in the bundle, and those bytes gzipped alone */
  parts?: PartSize[];
}

/** The rows of the size table, in order. */
export function sizeEntries(heyApiEntry: string): SizeEntry[] {
  return [
    { name: "leadconduit-client (dist/index.mjs)", entry: join(ROOT, "dist", "index.mjs") },
    {
      name: "its source by module (src/client/index.ts)",
      entry: join(ROOT, "src", "client", "index.ts"),
      byModule: true,
    },
    { name: "leadconduit-client/testing (dist/testing.mjs)", entry: join(ROOT, "dist", "testing.mjs") },
    { name: "openapi-fetch alone", entry: join(ROOT, "node_modules", "openapi-fetch", "dist", "index.mjs") },
    { name: "@hey-api/openapi-ts SDK + fetch client", entry: heyApiEntry },
  ];
}

export async function measureSizes(entries: SizeEntry[]): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const { name, entry, byModule } of entries) {
    rows.push({ name, ...(byModule ? await bundledSizeByModule(entry, CLIENT_MODULES) : await bundledSize(entry)) });
  }
  return rows;
}
