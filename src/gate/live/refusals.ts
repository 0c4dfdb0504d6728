// Why the live gate will not start, decided before anything is sent. The gate refuses with
// these; the command line asks the same questions earlier (at parse time, naming the flag), so
// a bad --target never waits for the spec to load, and both say the same thing.
import { isLoopback } from "../../client/transport.ts";

/** What is wrong with a live target, or nothing: the key goes out on every call. */
export function targetProblem(target: string): string | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `${JSON.stringify(String(target).slice(0, 200))} is not a URL (e.g. https://app.leadconduit.com)`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must be an http(s) URL, got ${url.protocol}`;
  if (url.username || url.password) return "must not contain credentials; the key comes from LEADCONDUIT_API_KEY";
  // the client's rule: https, except to loopback
  if (url.protocol === "http:" && !isLoopback(url.hostname))
    return `${url.origin} would get the API key in clear text: use https://, or http:// to loopback only`;
  return undefined;
}

/** The secrets a live run lacks, named; nothing when it has both. */
export function missingSecrets(apiKey: string | undefined, email: string | undefined): string | undefined {
  const missing = [
    apiKey?.trim() ? "" : "LEADCONDUIT_API_KEY",
    email?.trim() ? "" : "LEADCONDUIT_CONTRACT_EMAIL (a live run sends real invitation email to it)",
  ].filter(Boolean);
  return missing.length ? `refusing a live run without ${missing.join(" and ")}; --dry-run needs neither` : undefined;
}
