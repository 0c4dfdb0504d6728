// Client options and per-call options share names; a call's value wins over the client's.
// Every optional property also accepts `undefined`, so `{ apiKey: process.env.X }` compiles
// under `exactOptionalPropertyTypes`.
import type { OperationId } from "../../generated/validators.js";
import { baseUrlProblem } from "./base-url.js";
import { ConfigurationError, type LeadConduitError, type RedactedRequest } from "./errors.js";
import { LOG_LEVELS, type Logger, type LogLevel } from "./log.js";
import type { Violation } from "./violations.js";

/** The server the client talks to unless told otherwise. */
export const DEFAULT_BASE_URL = "https://app.leadconduit.com";

/** What `onRetry` is told before each retry. */
export interface RetryInfo {
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** How long the client waits before the next attempt, in ms. */
  delayMs: number;
  /** Why the attempt failed. */
  error: LeadConduitError;
}

/** What `onResponseViolation` is told when a 2xx body breaks the spec in `validateResponses: "report"` mode. */
export interface ResponseViolationInfo {
  /** The operation whose answer broke the spec, e.g. `createRecipientInvitation`. */
  operationId: OperationId;
  /** The HTTP status of the answer. */
  status: number;
  /** Each place where the body breaks the spec. */
  violations: Violation[];
  /** The request that got this answer, with credentials removed. */
  request: RedactedRequest;
  /** The id the server gave the request (`x-request-id` and the like), when it sent one. */
  requestId?: string | undefined;
}

/** Options a single call may override; the client's options of the same names are the defaults. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries; the call rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt in ms, response body included. Default 30000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, on 408, 429, 5xx, connection errors and timeouts. Default 2. */
  maxRetries?: number | undefined;
  /** Check the input against the spec before sending, refusing bad input with `ValidationError`. Default true. */
  validateRequests?: boolean | undefined;
  /**
   * Check every 2xx body against the whole spec (formats and patterns included). Default false.
   * - `false`: only what the TypeScript type states is checked (cheap); a body that breaks it
   *   is a `ResponseValidationError`, so a returned value never contradicts its type.
   * - `true`: any violation of the spec is a `ResponseValidationError`.
   * - `"report"`: violations go to `onResponseViolation` and the data is returned; only a body
   *   that breaks the TypeScript type still throws.
   */
  validateResponses?: boolean | "report" | undefined;
  /** Told before each retry. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /**
   * Told of each 2xx body that breaks the spec, in `validateResponses: "report"` mode, before the
   * data is returned. Learn that the API changed before your contract gate does.
   */
  onResponseViolation?: ((info: ResponseViolationInfo) => void) | undefined;
  /**
   * Where the client logs (`console` will do): each attempt at `debug` (method, URL, status,
   * time), each retry at `info` (why, and the wait), each violation `"report"` mode finds at
   * `warn`. Everything logged is redacted: no form of the key is in it. Default: none.
   */
  logger?: Logger | undefined;
  /** The least a line must weigh to reach `logger`: `"debug"`, `"info"`, `"warn"`, `"error"` or `"off"`. Default `"warn"`. */
  logLevel?: LogLevel | undefined;
}

/** Options of `createLeadConduitClient`. */
export interface ClientOptions extends Omit<RequestOptions, "signal"> {
  /** The API key. Defaults to the `LEADCONDUIT_API_KEY` environment variable; required one way or the other. */
  apiKey?: string | undefined;
  /** The server. Defaults to `LEADCONDUIT_BASE_URL`, then `https://app.leadconduit.com`. */
  baseUrl?: string | undefined;
  /**
   * A fetch implementation; defaults to `globalThis.fetch`, looked up at each call (so an
   * interceptor such as MSW may be installed after the client is made). The typed methods call
   * it as `fetch(url, init)`, `init.signal` being the attempt's abort signal (its timeout or the
   * caller's abort); `raw`, and the typed methods while middleware is registered, call it with
   * the final `Request` (and `{ signal }`).
   */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Allow `http://` to hosts other than loopback, which sends the key in clear text. Default false. */
  allowInsecureHttp?: boolean | undefined;
}

type Callbacks = "signal" | "onRetry" | "onResponseViolation" | "logger";
export type ResolvedRequestOptions = {
  [K in Exclude<keyof RequestOptions, Callbacks>]-?: Exclude<RequestOptions[K], undefined>;
} & {
  [K in Callbacks]?: Exclude<RequestOptions[K], undefined>;
};

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 2,
  validateRequests: true,
  validateResponses: false,
  logLevel: "warn",
} as const satisfies ResolvedRequestOptions;

function env(name: string): string | undefined {
  try {
    // Node, Bun and Deno expose process.env; browsers have no process at all.
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
    return value === "" ? undefined : value;
  } catch {
    return undefined; // Deno without --allow-env throws
  }
}

export function resolveClientOptions(options: ClientOptions) {
  const apiKey = options.apiKey ?? env("LEADCONDUIT_API_KEY");
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new ConfigurationError(
      "An API key is required: pass { apiKey } to createLeadConduitClient or set LEADCONDUIT_API_KEY",
    );
  }
  const baseUrl = (options.baseUrl ?? env("LEADCONDUIT_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new ConfigurationError(problem);
  if (typeof (options.fetch ?? globalThis.fetch) !== "function") {
    throw new ConfigurationError("No fetch implementation: pass { fetch }");
  }
  return {
    apiKey,
    baseUrl,
    // the global fetch as it is at call time, not at construction: an interceptor installed
    // later (MSW's server.listen() in a test's beforeAll) still sees the client's requests
    fetch: options.fetch ?? ((input: string | Request, init?: RequestInit) => globalThis.fetch(input, init)),
    allowInsecureHttp: options.allowInsecureHttp === true,
    defaults: mergeRequestOptions(DEFAULTS, options),
  };
}

/** The options whose call's value, when not `undefined`, overrides the client's (`signal` is apart). */
const OVERRIDABLE = [
  "timeoutMs",
  "maxRetries",
  "validateRequests",
  "validateResponses",
  "logLevel",
  "onRetry",
  "onResponseViolation",
  "logger",
] as const satisfies readonly (keyof RequestOptions)[];

export function mergeRequestOptions(
  base: ResolvedRequestOptions,
  override: RequestOptions | undefined,
): ResolvedRequestOptions {
  if (override === undefined) return base;
  if (override === null || typeof override !== "object") {
    throw new ConfigurationError("Request options must be an object");
  }
  const merged: Record<string, unknown> = {};
  for (const key of OVERRIDABLE) {
    const value = override[key] ?? base[key];
    if (value !== undefined) merged[key] = value;
  }
  // a call's `signal: undefined` says: not the client's signal either
  const signal = "signal" in override ? override.signal : base.signal;
  if (signal !== undefined) merged.signal = signal;
  assertValidOptions(merged as ResolvedRequestOptions);
  return merged as ResolvedRequestOptions;
}

/**
 * The longest timeout: setTimeout takes at most 2^31 - 1 ms (24.8 days) and fires at once for more.
 * @internal also the gate's `--timeout` limit
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function assertValidOptions(options: ResolvedRequestOptions): void {
  const { timeoutMs, maxRetries, validateResponses, signal } = options;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new ConfigurationError(
      `timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${String(timeoutMs)}`,
    );
  }
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new ConfigurationError(`maxRetries must be a whole number >= 0, got ${String(maxRetries)}`);
  }
  if (typeof validateResponses !== "boolean" && validateResponses !== "report") {
    throw new ConfigurationError(`validateResponses must be true, false or "report", got ${String(validateResponses)}`);
  }

  for (const name of ["onRetry", "onResponseViolation"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new ConfigurationError(`${name} must be a function`);
    }
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ConfigurationError("signal must be an AbortSignal");
  }
  assertLogging(options);
}

function assertLogging({ logger, logLevel }: ResolvedRequestOptions): void {
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigurationError(`logLevel must be one of ${LOG_LEVELS.join(", ")}, got ${String(logLevel)}`);
  }
  if (logger === undefined) return;
  const lacking = (["debug", "info", "warn", "error"] as const).filter(
    (level) => typeof (logger as Partial<Logger> | null)?.[level] !== "function",
  );
  if (lacking.length)
    throw new ConfigurationError(
      `logger must have the methods debug, info, warn and error; it lacks ${lacking.join(", ")}`,
    );
}
