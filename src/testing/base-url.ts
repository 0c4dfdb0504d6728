// The base URL a mock or its MSW handlers serve: the client's rule (src/client/base-url.ts) over http(s),
// kept as origin + path without trailing slashes.
import { baseUrlProblem } from "../client/base-url.js";

/** The normalised base URL, or why `value` is not one. */
export function parseBaseUrl(value: unknown): { url: string } | { problem: string } {
  if (typeof value !== "string") return { problem: `baseUrl must be a string, got ${typeof value}` };
  const problem = baseUrlProblem(value);
  if (problem) return { problem };
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) return { problem: `baseUrl must be an http(s) URL, got ${url.protocol}` };
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}
