// The mock checks credentials as the API does (Prism accepts any key): HTTP Basic, the API key
// as the password, the user name ignored. The scheme is case-insensitive and followed by one or
// more spaces (RFC 9110 section 11.4, `auth-scheme 1*SP token68`): a tab is not a separator. The
// token is base64 (RFC 7617 section 2, RFC 4648 section 4: not base64url, no stray characters),
// and the password is UTF-8 (the only charset RFC 7617 section 2.1 names); the bytes of the user
// name, which is ignored, may be in any charset compatible with US-ASCII.

const COLON = 0x3a;

/** The password of a Basic Authorization header; undefined when absent, another scheme or malformed. */
export function basicPassword(header: string | null): string | undefined {
  const token = header === null ? undefined : /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header)?.[1];
  if (token === undefined) return undefined;
  try {
    const bytes = Uint8Array.from(atob(token), (c) => c.charCodeAt(0));
    const colon = bytes.indexOf(COLON);
    if (colon < 0) return undefined;
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(colon + 1));
  } catch {
    return undefined;
  }
}
