// Client options and per-call options share names; a call's value wins over the client's.
import { ConfigurationError, type LeadConduitError } from "./errors.js";

export const DEFAULT_BASE_URL = "https://app.leadconduit.com";

export interface RetryInfo {
  /** the attempt that just failed, 1-based */
  attempt: number;
  /** how long the client waits before the next attempt */
  delayMs: number;
  error: LeadConduitError;
}

/** Options a single call may override. */
export interface RequestOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Per attempt, in ms. Default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt on 408, 429, 5xx, connection errors and timeouts. Default 2. */
  maxRetries?: number;
  /** Check input against the spec before sending. Default true. */
  validateRequests?: boolean;
  /** Check 2xx bodies against the spec. Default false. */
  validateResponses?: boolean;
  /** Told before each retry. */
  onRetry?: (info: RetryInfo) => void;
}

export interface ClientOptions extends Omit<RequestOptions, "signal"> {
  /** Defaults to the LEADCONDUIT_API_KEY environment variable. */
  apiKey?: string;
  /** Defaults to LEADCONDUIT_BASE_URL, then https://app.leadconduit.com. */
  baseUrl?: string;
  /**
   * A fetch implementation; defaults to globalThis.fetch. Called with the final Request and
   * `{ signal }`, the attempt's abort signal (timeout or caller's abort).
   */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  /** Allow http:// to hosts other than loopback (sends the key in clear text). Default false. */
  allowInsecureHttp?: boolean;
}

export type ResolvedRequestOptions = Required<Omit<RequestOptions, "signal" | "onRetry">> &
  Pick<RequestOptions, "signal" | "onRetry">;

export const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 2,
  validateRequests: true,
  validateResponses: false,
} as const;

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
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(`baseUrl is not a valid URL: ${JSON.stringify(baseUrl.slice(0, 200))}`);
  }
  if (parsed.username || parsed.password) {
    throw new ConfigurationError("baseUrl must not contain credentials; pass the key as apiKey");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new ConfigurationError("No fetch implementation: pass { fetch }");
  return {
    apiKey,
    baseUrl,
    fetch: fetchImpl,
    allowInsecureHttp: options.allowInsecureHttp === true,
    defaults: mergeRequestOptions(DEFAULTS, options),
  };
}

export function mergeRequestOptions(
  base: Omit<RequestOptions, "signal"> & typeof DEFAULTS | ResolvedRequestOptions,
  override: RequestOptions | undefined,
): ResolvedRequestOptions {
  if (override === undefined) return base as ResolvedRequestOptions;
  if (override === null || typeof override !== "object") {
    throw new ConfigurationError("Request options must be an object");
  }
  const merged: ResolvedRequestOptions = {
    timeoutMs: override.timeoutMs ?? base.timeoutMs,
    maxRetries: override.maxRetries ?? base.maxRetries,
    validateRequests: override.validateRequests ?? base.validateRequests,
    validateResponses: override.validateResponses ?? base.validateResponses,
    onRetry: override.onRetry ?? base.onRetry,
    signal: "signal" in override ? override.signal : (base as ResolvedRequestOptions).signal,
  };
  if (!(Number.isFinite(merged.timeoutMs) && merged.timeoutMs > 0)) {
    throw new ConfigurationError(`timeoutMs must be a positive number of milliseconds, got ${String(merged.timeoutMs)}`);
  }
  if (!(Number.isInteger(merged.maxRetries) && merged.maxRetries >= 0)) {
    throw new ConfigurationError(`maxRetries must be a whole number >= 0, got ${String(merged.maxRetries)}`);
  }
  if (merged.onRetry !== undefined && typeof merged.onRetry !== "function") {
    throw new ConfigurationError("onRetry must be a function");
  }
  if (merged.signal !== undefined && !(merged.signal instanceof AbortSignal)) {
    throw new ConfigurationError("signal must be an AbortSignal");
  }
  return merged;
}
