// The User-Agent the client sends: `leadconduit-client/<version>`, where the runtime lets a
// client set one.

// Put in by the build (tsdown.config.ts `define`, from package.json), so the shipped client says
// the version it is; the repository's source, run unbuilt by its tests, says it is no release.
declare const __LEADCONDUIT_CLIENT_VERSION__: string | undefined;

/** This package's version, as the User-Agent says it. */
export const CLIENT_VERSION: string =
  typeof __LEADCONDUIT_CLIENT_VERSION__ === "string" ? __LEADCONDUIT_CLIENT_VERSION__ : "0.0.0-source";

export const USER_AGENT = `leadconduit-client/${CLIENT_VERSION}`;

/**
 * Whether the runtime sends a User-Agent a client sets: Node, Bun and Deno do. A browser (a page
 * or a worker) keeps its own: Chromium drops a script's User-Agent, and where one is sent it makes
 * every call need a CORS preflight the API does not promise to answer.
 */
export function userAgentAllowed(scope: object = globalThis): boolean {
  const g = scope as {
    document?: unknown;
    importScripts?: unknown;
    Deno?: unknown;
    Bun?: unknown;
    process?: { versions?: { node?: unknown } };
  };
  if (g.document !== undefined || typeof g.importScripts === "function") return false;
  return g.Deno !== undefined || g.Bun !== undefined || typeof g.process?.versions?.node === "string";
}
