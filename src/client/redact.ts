// What an error may keep of a request: method, URL and headers, never a credential.
import type { RedactedRequest } from "./errors.js";
import { stripCredentials } from "./transport.js";

const REDACTED = "[REDACTED]";
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key)$/i;

/** A header's value as an error or report may show it. */
function redactHeader(name: string, value: string): string {
  // keep the scheme: "Basic" tells a reader which kind of credential was sent
  if (/authorization$/i.test(name)) return `${value.split(" ")[0]} ${REDACTED}`;
  return SECRET_HEADER.test(name) ? REDACTED : value;
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
 * How long a form of a secret must be to be removed wherever it occurs. A key, its Basic token or
 * its header value of this length does not turn up inside other text by chance, so an occurrence
 * glued to other characters (`tokenKEY`) is still the key.
 */
const DISTINCTIVE = 8;

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Whether the character right before (after) position `at` is a letter, digit or mark of any script. */
const gluedBefore = (text: string, at: number) =>
  WORD_CHARACTER.test([...text.slice(Math.max(0, at - 2), at)].at(-1) ?? "");
const gluedAfter = (text: string, at: number) => WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(at) ?? 32));

/** `text` with every occurrence of `secret` that stands alone (no letter or digit either side) replaced. */
function redactStandalone(text: string, secret: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
    if (at < from || gluedBefore(text, at) || gluedAfter(text, at + secret.length)) continue;
    out += `${text.slice(from, at)}${REDACTED}`;
    from = at + secret.length;
  }
  return out + text.slice(from);
}

/**
 * Removes each secret from a text (a server may echo credentials; an app may put its key in a
 * path, a body or a header). The rule: an occurrence is removed when it is the secret, not a
 * piece of some other word. A form of 8 characters or more is removed wherever it occurs; a
 * shorter one (a test's key "a", "k 1", or the password " " a request carried) only where it
 * stands alone, with no letter or digit (of any script) right before or after it: a key "a" is
 * removed from `/invitations/a/resend`, `found 'a'` and `{"email":"a"}`, never from
 * "invitations" or "Invalid request". Secrets are given longest first (secretsOf), so a form
 * inside a longer one is removed with it.
 * @internal also the contract gate's (src/gate/live, src/gate/report, src/gate/cli)
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || !out.includes(secret)) continue;
    out = secret.length >= DISTINCTIVE ? out.split(secret).join(REDACTED) : redactStandalone(out, secret);
  }
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
