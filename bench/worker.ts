// One measurement worker: run as `<node> --import tsx bench/worker.ts '<WorkerInput JSON>'`
// under each Node binary the bench covers. Checks that every task really makes the call,
// measures sections 1 and 2, and prints a WorkerOutput as one JSON line.
import { measureLoopback } from "./loopback.ts";
import { measurePerCall } from "./per-call.ts";
import type { WorkerInput, WorkerOutput } from "./protocol.ts";
import { type ClientModule, checkTasks, type HeyApiModule, loopbackTasks, perCallTasks } from "./subjects.ts";

const STUB_BASE_URL = "https://app.leadconduit.com";

const input = JSON.parse(process.argv[2] ?? "null") as WorkerInput;
const client = (await import(input.modules.client)) as ClientModule;
const heyApi = (await import(input.modules.heyApi)) as HeyApiModule;
const stubFetch = async () =>
  new Response(input.body, { status: 200, headers: { "content-type": "application/json" } });
const common = { client, heyApi, apiKey: input.apiKey, input: input.input };
const perCall = perCallTasks({ ...common, baseUrl: STUB_BASE_URL, fetch: stubFetch });
const loopback = loopbackTasks({ ...common, baseUrl: input.url });
await checkTasks([...perCall, ...loopback], JSON.parse(input.body));

const output: WorkerOutput = {
  node: process.version,
  perCall: await measurePerCall(perCall, input.plan),
  loopback: await measureLoopback(loopback, input.plan),
};
process.stdout.write(`${JSON.stringify(output)}\n`);
