// Sends one probe and brings back what the server said, with the key taken out of it before
// anything is cut or quoted. Redirects are not followed: one is an answer to judge, and
// following it could carry the key elsewhere.
import { redactHeaders, redactText } from "../../client/redact.ts";
import type { Exchange } from "./judge.ts";

export interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export async function exchange(
  fetchImpl: typeof fetch,
  request: Request,
  timeoutMs: number,
  secrets: string[],
): Promise<Exchange> {
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
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    const message = error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
    return { error: redactText(`no answer from ${request.method} ${request.url}: ${message}`, secrets) };
  }
}

/** A request as a dry run shows it: the Authorization value reduced to its scheme. */
export function redactRequest<T extends Request>(request: T): T {
  return { ...request, headers: redactHeaders(request.headers, []) };
}
