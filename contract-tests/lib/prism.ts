// Starts Stoplight Prism on the spec, on a free loopback port, and waits (bounded) until it
// answers. Used by the contract tests' global setup, the consumer check and the runtime matrix.
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../../src/gate/terminal.ts";
import { startProcess } from "./process.ts";

const SPEC = fileURLToPath(new URL("../../spec/leadconduit.yaml", import.meta.url));
const PRISM_BIN = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist",
  "index.js",
);

export interface RunningPrism {
  url: string;
  stop: () => Promise<void>;
  pid: number | undefined;
  /**
   * Resolves, with how it ended and the end of what it printed, when Prism exits before `stop`
   * asked it to (a crash, or a kill from outside); never once `stop` was called.
   */
  crashed: Promise<string>;
}

/** How much of a crashed Prism's output its cause keeps. */
const OUTPUT_TAIL_LINES = 20;

const READY_TIMEOUT_MS = 30_000;

/** A port the OS says is free now; Prism cannot listen on port 0 and report it back. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrism(): Promise<RunningPrism> {
  let lastError: unknown;
  // a port found free can be taken before Prism binds it; try a few before giving up
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    try {
      return await launch(port);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function launch(port: number): Promise<RunningPrism> {
  const prism = startProcess(
    process.execPath,
    [PRISM_BIN, "mock", SPEC, "--host", "127.0.0.1", "--port", String(port), "--errors"],
    { env: childEnv(process.env, false) },
  );
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = READY_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  try {
    while (true) {
      if (Date.now() > deadline)
        throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms:\n${prism.output()}`);
      const ready = await Promise.race([
        prism.exited,
        fetch(`${url}/__health`, { signal: AbortSignal.timeout(1_000) }).then(
          async (res) => {
            await res.arrayBuffer();
            return true;
          },
          () => false,
        ),
      ]);
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
    }
  } catch (error) {
    await prism.stop();
    throw error;
  }
  let stopping = false;
  const started = performance.now();
  const crashed = new Promise<string>((resolve) => {
    prism.child.once("exit", (code, signal) => {
      if (stopping) return;
      const tail = prism.output().trimEnd().split("\n").slice(-OUTPUT_TAIL_LINES).join("\n");
      const ms = Math.round(performance.now() - started);
      // the first line is the cause the gate reports; the output follows for the log
      const said = tail ? `\nits last output:\n${tail}` : "";
      resolve(
        `prism on ${url} exited (${signal ?? `code ${code}`}) ${ms} ms after it answered, while tests used it${said}`,
      );
    });
  });
  const stop = () => {
    stopping = true;
    return prism.stop();
  };
  return { url, stop, pid: prism.child.pid, crashed };
}
