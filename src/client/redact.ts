// What an error may keep of a request: method, URL and headers, never a credential.
import type { RedactedRequest } from "./errors.js";
import { stripCredentials } from "./transport.js";

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

/** A header's value as an error or report may show it. */
function redactHeader(name: string, value: string): string {
  // keep the scheme: "Basic" tells a reader which kind of credential was sent
  if (/authorization$/i.test(name)) return `${value.split(" ")[0]} [REDACTED]`;
  return SECRET_HEADER.test(name) ? "[REDACTED]" : value;
}

/**
 * Headers as an error, a record or a report may keep them: credential headers reduced to their
 * scheme, and any secret a server or a client put in another header replaced.
 */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) out[name] = redactText(redactHeader(name, value), secrets);
  return out;
}

/** A request as an error or a report may keep it; a secret in its URL (an id that is the key) is redacted too. */
export function redactRequest(
  request: { method: string; url: string; headers: Headers | Record<string, string> },
  secrets: readonly string[],
): RedactedRequest {
  return {
    method: request.method,
    url: redactText(stripCredentials(request.url), secrets),
    headers: redactHeaders(request.headers, secrets),
  };
}

/** A body as an error keeps it: the text with every secret removed, and parsed when JSON. */
export function keptBody(text: string, secrets: readonly string[]): { rawBody: string; body?: unknown } {
  const rawBody = redactText(text, secrets);
  try {
    return { rawBody, body: JSON.parse(rawBody) };
  } catch {
    return { rawBody };
  }
}

/**
 * Removes each secret from a text a server sent back (a server may echo credentials).
 * @internal also the contract gate's (scripts/lib/live, scripts/lib/report, scripts/lib/cli)
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join("[REDACTED]");
  return out;
}

/**
 * Every string in a value (object keys included) with the secrets replaced.
 * @internal also the kit's records and the contract gate's reports
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [redactText(k, secrets), redactDeep(v, secrets)]),
    ) as T;
  }
  return value;
}
