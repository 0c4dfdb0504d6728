// Shared resources of one test run (Prism, the mock's server, the built package), started the
// first time a test asks for one and only then, once for every worker and project of the run,
// and stopped when the run ends. Vitest workers cannot reach into the main process, so the
// main process serves them over loopback: a worker asks `GET /<name>` and gets the resource's
// value (a URL, a path) once it is ready, or the error that kept it from starting.
//
// Global setups register what they can provide (contract-tests/setup/targets.ts: the targets;
// test/setup/package.ts: the package); the broker itself lives on `globalThis`, because each
// project loads its setup files in a module graph of its own.
import { createServer, type Server } from "node:http";
import { inject } from "vitest";
import { listenOnLoopback } from "./loopback.ts";

interface Started {
  /** what a test gets: a URL, a path, a JSON text */
  value: string;
  stop?: () => Promise<void>;
}

type Provider = () => Promise<Started>;

export interface Broker {
  url: string;
  /** Adds what a name provides; the first registration of a name wins. */
  register(name: string, provider: Provider): void;
  /** Starts a registered resource now, before any test asks (a failure waits for the first asker). */
  warm(name: string): void;
  /** Ends one setup's hold; the last one stops every started resource and the server. */
  release(): Promise<void>;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** where the run's broker answers (contract-tests/lib/broker.ts) */
    brokerUrl: string;
  }
}

interface State {
  broker: Promise<Broker>;
  holds: number;
}

const KEY = Symbol.for("leadconduit.test-broker");

/** The run's broker, started by the first setup that asks; each call is one hold to release. */
export function holdBroker(): Promise<Broker> {
  const global = globalThis as { [KEY]?: State };
  const state = global[KEY] ?? { broker: startBroker(() => delete global[KEY]), holds: 0 };
  global[KEY] = state;
  state.holds++;
  return state.broker;
}

async function startBroker(forget: () => void): Promise<Broker> {
  const providers = new Map<string, Provider>();
  const started = new Map<string, Promise<Started>>();
  const start = (name: string): Promise<Started> | undefined => {
    const provider = providers.get(name);
    if (!provider) return undefined;
    if (!started.has(name)) {
      const starting = provider();
      starting.catch(() => {}); // reported to whoever asks for it
      started.set(name, starting);
    }
    return started.get(name)!;
  };
  const server: Server = createServer((req, res) => {
    // one request per connection: a worker busy for seconds (compiling, say) cannot expire its
    // idle sockets on time, and would send its next ask on one this server already closed
    res.setHeader("connection", "close");
    const name = decodeURIComponent((req.url ?? "/").slice(1));
    const starting = start(name);
    if (!starting) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no resource ${JSON.stringify(name)} is registered`);
      return;
    }
    starting.then(
      ({ value }) => res.writeHead(200, { "content-type": "text/plain" }).end(value),
      (error: unknown) =>
        res
          .writeHead(500, { "content-type": "text/plain" })
          .end(error instanceof Error ? (error.stack ?? error.message) : String(error)),
    );
  });
  const url = await listenOnLoopback(server);
  const broker: Broker = {
    url,
    register: (name, provider) => {
      if (!providers.has(name)) providers.set(name, provider);
    },
    warm: (name) => void start(name),
    release: async () => {
      const state = (globalThis as { [KEY]?: State })[KEY];
      if (state && --state.holds > 0) return;
      forget();
      const all = await Promise.allSettled(started.values());
      await Promise.all(all.map((s) => (s.status === "fulfilled" ? s.value.stop?.() : undefined)));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return broker;
}

const asked = new Map<string, Promise<string>>();

/**
 * The value of a resource of this run, started on first request. In a test worker only (it reads
 * the broker's URL that the global setup provided); throws what kept the resource from starting.
 */
export function acquire(name: string): Promise<string> {
  let value = asked.get(name);
  if (!value) {
    value = ask(name);
    asked.set(name, value);
  }
  return value;
}

async function ask(name: string): Promise<string> {
  const response = await fetch(`${inject("brokerUrl")}/${encodeURIComponent(name)}`);
  const text = await response.text();
  if (!response.ok) throw new Error(`the run's ${name} could not start:\n${text}`);
  return text;
}
