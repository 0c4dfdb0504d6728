// Entry for the JS runtimes: `<runtime> cli.mjs <server url> <api key>`. Prints one JSON line
// (the smoke result plus the runtime's own version) and exits 0 only when every check passed.
import { runSmoke } from "./smoke.mjs";

const g = globalThis;
const [baseUrl, apiKey] = g.Deno ? g.Deno.args : g.process.argv.slice(2);
const runtime = g.Deno
  ? `deno ${g.Deno.version.deno}`
  : g.Bun
    ? `bun ${g.Bun.version}`
    : `node ${g.process.versions.node}`;
const result = await runSmoke(baseUrl, apiKey);
console.log(JSON.stringify({ runtime, ...result }));
if (!result.ok) {
  if (g.Deno) g.Deno.exit(1);
  else g.process.exit(1);
}
