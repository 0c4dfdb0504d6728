// HTTP Basic as LeadConduit wants it: the key is the password, the username is ignored.
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
 * Every form in which the keys can travel, longest first so a form containing another is
 * redacted whole: the header value, its base64 token, the key, the key URL-encoded.
 * @internal also the kit's and the contract gate's (src/gate/live, src/gate/report): one definition of the key's forms
 */
export function secretsOf(...apiKeys: string[]): string[] {
  const forms = apiKeys.flatMap((apiKey) => {
    const authorization = basicAuthorization(apiKey);
    return [authorization, authorization.slice("Basic ".length), apiKey, encodeURIComponent(apiKey)];
  });
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * A copy of a request with the Authorization header (`authorization`, the value
 * basicAuthorization made), made as the request is handed to fetch, after checking that it does
 * not carry the key over plain HTTP to a host other than loopback. Applied in the fetch the
 * openapi-fetch client calls, after every middleware; the request the middleware holds (and sees
 * again in onResponse and onError) is left without the header, so no middleware (a logger, a
 * tracer) ever sees the key. The typed calls' direct path (send.ts) adds the same header where
 * no middleware runs at all. The User-Agent, when given, goes on here too.
 */
export function authorizer(
  authorization: string,
  allowInsecureHttp: boolean,
  baseUrl: string,
  userAgent?: string,
): (request: Request) => Request {
  // the base URL was checked when the client was made; only a request elsewhere (raw's
  // per-request baseUrl) needs the URL parsed again
  const checked = `${baseUrl}/`;
  return (request) => {
    if (!request.url.startsWith(checked)) assertSecureTransport(request.url, allowInsecureHttp);
    const headers = new Headers(request.headers);
    headers.set("Authorization", authorization);
    // the client's own, unless a middleware set the app's
    if (userAgent !== undefined && !headers.has("user-agent")) headers.set("User-Agent", userAgent);
    return new Request(request, { headers });
  };
}
