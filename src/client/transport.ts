// Credentials go in clear text over http://, so that is allowed only where nobody can listen.
import { ConfigurationError } from "./errors.js";

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    /^::ffff:127\./.test(host)
  );
}

/**
 * Throws a ConfigurationError for a URL the key must not be sent to: not http(s), or plain HTTP
 * to a host other than loopback (unless allowed).
 * @internal also the live gate's (src/gate/live/gate.ts): the same rule for its target
 */
export function assertSecureTransport(url: string, allowInsecureHttp: boolean): void {
  const { protocol, hostname } = new URL(url);
  if (protocol === "https:") return;
  if (protocol !== "http:") {
    throw new ConfigurationError(`Unsupported protocol ${protocol} in ${stripCredentials(url)}; use https://`);
  }
  if (!allowInsecureHttp && !isLoopback(hostname)) {
    throw new ConfigurationError(
      `Refusing to send the API key over plain HTTP to ${hostname}: use https://, or pass allowInsecureHttp: true`,
    );
  }
}

export function stripCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "[invalid URL]";
  }
}
