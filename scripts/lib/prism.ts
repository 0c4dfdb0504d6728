// Starts Stoplight Prism on the spec, on a free loopback port, and waits (bounded) until it
// answers. Used by the contract tests' global setup and by the runtime and bench scripts.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { SPEC_PATH } from "./spec.ts";

const PRISM_BIN = fileURLToPath(new URL("../../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));

export interface RunningPrism {
  url: string;
  port: number;
  process: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/** A port the OS says is free now; Prism cannot listen on port 0 and report it back. */
export function freePort(): Promise<number> {
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

export async function startPrism(options: { specPath?: string; timeoutMs?: number; args?: string[] } = {}): Promise<RunningPrism> {
  const { specPath = SPEC_PATH, timeoutMs = 30_000, args = [] } = options;
  let lastError: unknown;
  // a port found free can be taken before Prism binds it; try a few before giving up
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort();
    try {
      return await launch(specPath, port, timeoutMs, args);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function launch(specPath: string, port: number, timeoutMs: number, args: string[]): Promise<RunningPrism> {
  const child = spawn(
    process.execPath,
    [PRISM_BIN, "mock", specPath, "--host", "127.0.0.1", "--port", String(port), "--errors", ...args],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`Prism exited with code ${code} before it was ready:\n${output}`))),
  );
  exited.catch(() => {});
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + timeoutMs;
  try {
    while (true) {
      if (Date.now() > deadline) throw new Error(`Prism did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
      const ready = await Promise.race([
        exited,
        fetch(`${url}/__health`, { signal: AbortSignal.timeout(1_000) }).then(
          async (res) => (await res.arrayBuffer(), true),
          () => false,
        ),
      ]);
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, process: child, log: () => output, stop };
}
