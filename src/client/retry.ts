// When to try again and how long to wait. Retrying these calls is safe because the API answers
// an existing invitation with its entity instead of creating a second one.
import { type AbortError, APIError, ConnectionError, type LeadConduitError } from "./errors.js";

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A Retry-After longer than this is not waited for: the call fails with the server's answer. */
const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryable(error: LeadConduitError): boolean {
  if (error instanceof ConnectionError) return true; // TimeoutError included
  if (error instanceof APIError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return false;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^[a-z]{3},/i.test(text)) return undefined; // an HTTP date starts with the day name
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `retry` (1-based): exponential backoff with up to 25% jitter,
 * capped, or the server's Retry-After when it sent one. `undefined` means do not retry.
 */
export function retryDelay(retry: number, error: LeadConduitError, random = Math.random): number | undefined {
  const retryAfterMs = error instanceof APIError ? error.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : undefined;
  const base = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS);
  return Math.round(base * (1 - random() * 0.25));
}

/** Waits `ms`, or rejects with AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, abortError: () => AbortError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
