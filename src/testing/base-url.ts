// The base URL a mock or its MSW handlers serve: an http(s) URL with no credentials, query or
// fragment, kept as origin + path without trailing slashes.

/** The normalised base URL, or undefined when `value` is not one. */
export function parseBaseUrl(value: unknown): string | undefined {
  let url: URL;
  try {
    if (typeof value !== "string") return undefined;
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

export const BASE_URL_RULE = "baseUrl must be an http(s) URL without credentials, query or fragment";
