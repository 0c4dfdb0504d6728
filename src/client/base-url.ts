// The rule for a base URL, the client's and the testing kit's alike. Free of imports, so the
// kit's bundle takes it without the client's error classes.

/**
 * What is wrong with a base URL the operations' paths are appended to, or nothing: it must
 * parse, carry no credentials and have no query or fragment.
 */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `baseUrl is not a valid URL: ${JSON.stringify(value.slice(0, 200))}`;
  }
  if (url.username || url.password) return "baseUrl must not contain credentials; pass the key as apiKey";
  // the operations' paths are appended to it: `https://host/?x=1` would become `?x=1/invitations/…`
  if (url.search || url.hash) return "baseUrl must not have a query or a fragment";
  return undefined;
}
