// Media types as Prism compares them: `type/subtype` without parameters, lower case, where a
// structured suffix counts as the subtype (`application/merge-patch+json` is JSON).

/** `type/subtype` of a Content-Type value, lower case; undefined when absent or unreadable. */
export function essence(value: string | null | undefined): string | undefined {
  const media = value?.split(";")[0]?.trim().toLowerCase();
  return media && /^[^/\s]+\/[^/\s]+$/.test(media) ? media : undefined;
}

function parts(media: string): { type: string; subtype: string } | undefined {
  const match = /^(.+)\/(?:(.+)\+)?(.+)$/.exec(media);
  return match ? { type: match[1]!, subtype: match[3]! } : undefined;
}

/** Whether a request of media type `actual` fits what the spec declares (`expected` may hold `*`). */
export function mediaMatches(actual: string, expected: string): boolean {
  const a = parts(actual);
  const b = parts(expected.toLowerCase());
  return !!a && !!b && (a.type === b.type || b.type === "*") && (a.subtype === b.subtype || b.subtype === "*");
}

/** Whether a body of this media type is read as JSON (`application/json`, `application/*+json`). */
export function isJsonMedia(media: string | undefined): boolean {
  return media === "application/json" || (!!media && /^application\/[^/]+\+json$/.test(media));
}

/** Whether an Accept header admits `media` (no header, or a matching range with q > 0). */
export function accepts(accept: string | null, media: string): boolean {
  if (accept === null || accept.trim() === "") return true;
  const [type, subtype] = media.toLowerCase().split("/");
  return accept.split(",").some((part) => {
    const [range = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) return false;
    const [rangeType, rangeSubtype] = range.split("/");
    return (rangeType === "*" || rangeType === type) && (rangeSubtype === "*" || rangeSubtype === subtype);
  });
}
