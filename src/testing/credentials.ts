// The mock checks credentials as the API does (Prism accepts any key): HTTP Basic, the API key
// as the password, the user name ignored. The scheme is case-insensitive and followed by one or
// more spaces (RFC 9110 section 11.4, `auth-scheme 1*SP token68`): a tab is not a separator.

/** The password of a Basic Authorization header; undefined when absent, another scheme or malformed. */
export function basicPassword(header: string | null): string | undefined {
  const token = header === null ? undefined : /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header)?.[1];
  if (token === undefined) return undefined;
  try {
    const bytes = Uint8Array.from(atob(token), (c) => c.charCodeAt(0));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const colon = text.indexOf(":");
    return colon < 0 ? undefined : text.slice(colon + 1);
  } catch {
    return undefined;
  }
}
