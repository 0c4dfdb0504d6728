// The id a server gives a request, for a support ticket or a log search: read from the
// response's headers into every error and report that has a response.

/**
 * The headers a request id comes in, in order. LeadConduit documents none (spec/REFERENCE.md), so
 * these are the names in wide use in front of an API: `x-request-id` (Heroku's router, nginx's
 * `$request_id`, Rails), `request-id` (Stripe's and Anthropic's name for it), and
 * `x-amzn-requestid` (AWS API Gateway and Lambda). Not `cf-ray`: it names Cloudflare's edge hop,
 * not the request at the API, and it stays in `headers` for whoever needs it.
 */
export const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid"] as const;

/** The response's request id, when it sent one. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}
