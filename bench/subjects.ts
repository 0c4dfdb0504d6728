// What the bench compares: the same `createRecipient` call made by the client, by the code it
// stands on (openapi-fetch, fetch), by what a user would hand-roll, and by the best-known peer
// generator (@hey-api/openapi-ts with its fetch client). Each task resolves to the parsed body.
import { isDeepStrictEqual } from "node:util";
import createClient from "openapi-fetch";
import type { paths } from "../generated/leadconduit.ts";
import type { RequestBody } from "../src/client/types.ts";

type Input = RequestBody<"createRecipientInvitation">;
type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/** The loopback table's baseline: every ratio in a table is a speed relative to its baseline. */
export const RAW_FETCH = "raw fetch + JSON.parse";
/** The per-call table's baseline. */
export const BARE_OPENAPI_FETCH = "bare openapi-fetch POST";
export const HAND_ROLLED = "openapi-fetch + auth + per-attempt timeout (hand-rolled)";
export const HEY_API = "@hey-api/openapi-ts fetch client";
export const CLIENT_OFF = "client, validation off";
const CLIENT_REQUEST = "client, request validation (default)";
const CLIENT_BOTH = "client, request + response validation";
/** The client's second send path: with middleware on `raw`, typed calls go through openapi-fetch. */
export const CLIENT_VIA_OPENAPI_FETCH = "client, validation off, a no-op middleware on raw";
/** What any client that frees the socket on a timeout pays at least: raw fetch given a timeout signal. */
export const RAW_FETCH_SIGNAL = "raw fetch + JSON.parse + a timeout signal";

export interface Task {
  name: string;
  run: () => Promise<unknown>;
}

/** The built client (dist/index.mjs), typed from src/. */
export type ClientModule = typeof import("../src/client/index.ts");

/** The part of the generated hey-api SDK the bench calls (bench/hey-api.ts bundles it). */
export interface HeyApiModule {
  createClient(config: object): unknown;
  createConfig(config: { baseUrl: string; auth?: string; fetch?: Fetch }): object;
  createRecipientInvitation(options: { client: unknown; body: Input }): Promise<{ data?: unknown; error?: unknown }>;
}

interface Subjects {
  client: ClientModule;
  heyApi: HeyApiModule;
  baseUrl: string;
  apiKey: string;
  input: Input;
  /** the stub for per-call tasks; loopback tasks use the global fetch */
  fetch?: Fetch;
}

export const basicAuth = (apiKey: string): string => `Basic ${btoa(`API:${apiKey}`)}`;

function heyApiTask(s: Subjects): Task {
  // how hey-api does Basic auth: the `auth` callback's "user:password", base64-encoded per call
  const config = s.heyApi.createConfig({
    baseUrl: s.baseUrl,
    auth: `API:${s.apiKey}`,
    ...(s.fetch ? { fetch: s.fetch } : {}),
  });
  const client = s.heyApi.createClient(config);
  return { name: HEY_API, run: async () => (await s.heyApi.createRecipientInvitation({ client, body: s.input })).data };
}

function clientTask(s: Subjects, name: string, validateRequests: boolean, validateResponses: boolean): Task {
  const lc = s.client.createLeadConduitClient({
    apiKey: s.apiKey,
    baseUrl: s.baseUrl,
    validateRequests,
    validateResponses,
    ...(s.fetch ? { fetch: s.fetch } : {}),
  });
  // any middleware sends typed calls through openapi-fetch; this one does nothing
  if (name === CLIENT_VIA_OPENAPI_FETCH) lc.raw.use({ onRequest: () => undefined });
  return { name, run: () => lc.invitations.createRecipient(s.input) };
}

function rawFetchTask(s: Subjects, doFetch: Fetch): Task {
  const authorization = basicAuth(s.apiKey);
  return {
    name: RAW_FETCH,
    run: async () => {
      const res = await doFetch(`${s.baseUrl}/invitations/recipient`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify(s.input),
      });
      return JSON.parse(await res.text());
    },
  };
}

/** Raw fetch with the cheapest timeout that aborts the request (AbortController + setTimeout; see docs/performance.md). */
function rawFetchWithSignalTask(s: Subjects, doFetch: Fetch): Task {
  const authorization = basicAuth(s.apiKey);
  return {
    name: RAW_FETCH_SIGNAL,
    run: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const res = await doFetch(`${s.baseUrl}/invitations/recipient`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify(s.input),
          signal: controller.signal,
        });
        return JSON.parse(await res.text());
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** What a user would write on openapi-fetch for the client's auth and per-attempt timeout. */
function handRolledTask(s: Subjects, doFetch: Fetch): Task {
  const authorization = basicAuth(s.apiKey);
  const handRolled = createClient<paths>({ baseUrl: s.baseUrl, fetch: doFetch });
  handRolled.use({
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      return request;
    },
  });
  return {
    name: HAND_ROLLED,
    run: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const fetchWithSignal = (request: Request) => doFetch(request, { signal: controller.signal });
        return (await handRolled.POST("/invitations/recipient", { body: s.input, fetch: fetchWithSignal })).data;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Section 1: a stub `fetch` answers at once, so only the code around `fetch` is measured. */
export function perCallTasks(s: Subjects & { fetch: Fetch }): Task[] {
  const bare = createClient<paths>({ baseUrl: s.baseUrl, fetch: s.fetch });
  return [
    rawFetchTask(s, s.fetch),
    { name: BARE_OPENAPI_FETCH, run: async () => (await bare.POST("/invitations/recipient", { body: s.input })).data },
    handRolledTask(s, s.fetch),
    heyApiTask(s),
    clientTask(s, CLIENT_OFF, false, false),
    clientTask(s, CLIENT_REQUEST, true, false),
    clientTask(s, CLIENT_BOTH, true, true),
    clientTask(s, CLIENT_VIA_OPENAPI_FETCH, false, false),
  ];
}

/** Section 2: real HTTP to a keep-alive server in another process, with the global fetch. */
export function loopbackTasks(s: Subjects): Task[] {
  const { fetch: _stub, ...live } = s;
  const bare = createClient<paths>({ baseUrl: s.baseUrl });
  const headers = { authorization: basicAuth(s.apiKey) };
  return [
    rawFetchTask(live, globalThis.fetch),
    rawFetchWithSignalTask(live, globalThis.fetch),
    {
      name: BARE_OPENAPI_FETCH,
      run: async () => (await bare.POST("/invitations/recipient", { body: s.input, headers })).data,
    },
    heyApiTask(live),
    clientTask(live, CLIENT_OFF, false, false),
    clientTask(live, CLIENT_REQUEST, true, false),
    clientTask(live, CLIENT_VIA_OPENAPI_FETCH, false, false),
  ];
}

/** Runs each task once: a task that does not resolve to `expected` would be measured doing something else. */
export async function checkTasks(tasks: Task[], expected: unknown): Promise<void> {
  for (const task of tasks) {
    let got: unknown;
    try {
      got = await task.run();
    } catch (error) {
      throw new Error(`bench task "${task.name}" failed: ${(error as Error).message}`);
    }
    if (!isDeepStrictEqual(got, expected)) {
      throw new Error(
        `bench task "${task.name}" resolved to ${JSON.stringify(got)?.slice(0, 200)}, not the expected body`,
      );
    }
  }
}
