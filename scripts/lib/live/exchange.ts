// Sends one probe and brings back what the server said, with the key taken out of it before
// anything is cut or quoted. Redirects are not followed: one is an answer to judge, and
// following it could carry the key elsewhere.
import { redactHeader, redactText } from "../../../src/redact.ts";
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
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, redactHeader(name, value)]),
  );
  return { ...request, headers };
}

/** Every string in a value with the secrets replaced. */
export function redactDeep<T>(value: T, secrets: string[]): T {
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  }
  return value;
}
