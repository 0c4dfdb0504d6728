// Sends one probe and brings back what the server said, with the key taken out of it before
// anything is cut or quoted. Redirects are not followed: one is an answer to judge, and
// following it could carry the key elsewhere. No answer (refused, reset, nothing within the
// timeout) is not an answer to judge: the gate could not check, and says why.
import { redactHeaders, redactText } from "../../client/redact.ts";
import type { Exchange } from "./judge.ts";

/**
 * How long a live run waits for each answer, in ms. LeadConduit documents no latency; this is a
 * third of the client's own per-attempt default (30 s, for production calls that may wait), so a
 * target that hangs costs a CI job 10 s instead of minutes, and a slow answer still has room.
 */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A request that got no answer: why, in words (the key taken out). */
export interface NoAnswer {
  noAnswer: string;
}

export async function exchange(
  fetchImpl: typeof fetch,
  request: Request,
  timeoutMs: number,
  secrets: string[],
): Promise<Exchange | NoAnswer> {
  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = redactText(await response.text(), secrets);
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", text };
  } catch (error) {
    return { noAnswer: redactText(whyNoAnswer(error, timeoutMs), secrets) };
  }
}

/** What fetch's rejection says, in one line: the timeout, the system's code (ECONNREFUSED), or its message. */
function whyNoAnswer(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  // AbortSignal.timeout's reason, whether the headers or the body were late
  if (error.name === "TimeoutError") return `no answer within ${timeoutMs} ms (--timeout)`;
  const cause = error.cause instanceof Error ? (error.cause as Error & { code?: unknown }) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code === "ECONNREFUSED") return "connection refused (ECONNREFUSED)";
  // undici's words for a port the Fetch standard forbids (9, 25, 6000…): it sends nothing at all
  if (cause?.message === "bad port")
    return "not sent: fetch refuses the target's port, one the Fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking); use another port";
  const detail = cause ? ` (${[code, cause.message].filter(Boolean).join(": ")})` : "";
  return `no answer: ${error.name}: ${error.message}${detail}`;
}

/** A request as a dry run shows it: the Authorization value reduced to its scheme. */
export function redactRequest<T extends Request>(request: T): T {
  return { ...request, headers: redactHeaders(request.headers, []) };
}
