// HTTP Basic as LeadConduit wants it: the key is the password, the username is ignored.
import type { Middleware } from "openapi-fetch";
import { assertSecureTransport } from "./transport.js";

const USERNAME = "API";

/** `Basic base64("API:" + apiKey)`, encoding the key as UTF-8 (btoa alone rejects non-Latin-1). */
export function basicAuthorization(apiKey: string): string {
  const bytes = new TextEncoder().encode(`${USERNAME}:${apiKey}`);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return `Basic ${btoa(binary)}`;
}

/**
 * Every form in which the key can travel, longest first so a form containing another is
 * redacted whole: the header value, its base64 token, the key, the key URL-encoded.
 */
export function secretsOf(apiKey: string): string[] {
  const authorization = basicAuthorization(apiKey);
  const forms = [authorization, authorization.slice("Basic ".length), apiKey, encodeURIComponent(apiKey)];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * Adds the Authorization header to every request of the openapi-fetch client, after checking
 * that the request does not carry the key over plain HTTP to a host other than loopback.
 * The header lives only in this closure: nothing enumerable on the client holds the key.
 */
export function authMiddleware(apiKey: string, allowInsecureHttp: boolean): Middleware {
  const authorization = basicAuthorization(apiKey);
  return {
    onRequest({ request }) {
      assertSecureTransport(request.url, allowInsecureHttp);
      request.headers.set("Authorization", authorization);
      return request;
    },
  };
}
