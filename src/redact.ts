// What an error may keep of a request: method, URL and headers, never a credential.
import type { RedactedRequest } from "./errors.js";
import { stripCredentials } from "./transport.js";

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

/**
 * A header's value as an error or report may show it.
 * @internal also the contract gate's (scripts/lib/live): one rule for redacting headers
 */
export function redactHeader(name: string, value: string): string {
  // keep the scheme: "Basic" tells a reader which kind of credential was sent
  if (/authorization$/i.test(name)) return `${value.split(" ")[0]} [REDACTED]`;
  return SECRET_HEADER.test(name) ? "[REDACTED]" : value;
}

/** A request as an error or a report may keep it; a secret in its URL (an id that is the key) is redacted too. */
export function redactRequest(request: Request, secrets: readonly string[]): RedactedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = redactHeader(name, value);
  });
  return { method: request.method, url: redactText(stripCredentials(request.url), secrets), headers };
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

/** A response's headers as an error keeps them: credential headers redacted, and any secret a server echoed. */
export function redactedHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = redactText(redactHeader(name, value), secrets);
  });
  return out;
}
