// What an error may keep of a request: method, URL and headers, never a credential.
import type { RedactedRequest } from "./errors.js";
import { stripCredentials } from "./transport.js";

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;

export function redactRequest(request: Request): RedactedRequest {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (/authorization$/i.test(name)) {
      // keep the scheme: "Basic" tells a reader which kind of credential was sent
      headers[name] = `${value.split(" ")[0]} [REDACTED]`;
    } else {
      headers[name] = SECRET_HEADER.test(name) ? "[REDACTED]" : value;
    }
  });
  return { method: request.method, url: stripCredentials(request.url), headers };
}

/** Removes each secret from a text a server sent back (a server may echo credentials). */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join("[REDACTED]");
  return out;
}

export function headersToObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
