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

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_RANGE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const PARAMETER = new RegExp(`^(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")$`);
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** A list split at the commas (or semicolons) that are not inside a quoted string. */
function splitOutsideQuotes(text: string, separator: "," | ";"): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && quoted) {
      current += c + (text[++i] ?? "");
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  return [...parts, current];
}

/**
 * One element of an Accept header as RFC 9110 (12.5.1) writes it: a media range ("*\/*",
 * "type/*" or "type/subtype"), parameters, and a weight ("q", 12.4.2) of 0 to 1 with at most
 * three decimals. Undefined for an element that is not one: it admits nothing.
 */
function mediaRange(element: string): { type: string; subtype: string; q: number } | undefined {
  const [range = "", ...params] = splitOutsideQuotes(element, ";").map((part) => part.trim());
  const match = MEDIA_RANGE.exec(range);
  if (!match || (match[1] === "*" && match[2] !== "*")) return undefined;
  let q = 1;
  for (const param of params) {
    if (param === "") continue; // parameters = *( OWS ";" OWS [ parameter ] )
    const [, name, value] = PARAMETER.exec(param) ?? [];
    if (name === undefined || value === undefined) return undefined;
    if (name.toLowerCase() !== "q") continue;
    if (!QVALUE.test(value)) return undefined;
    q = Number(value);
  }
  return { type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), q };
}

/**
 * Whether an Accept header admits `media` (RFC 9110, 12.5.1): no header (or an empty one)
 * admits anything; otherwise the most specific range that matches decides, and a weight of 0
 * means "not acceptable" (12.4.2), so `application/json;q=0, *\/*` refuses JSON. Parameters
 * other than q are not compared: application/json defines none, and a charset on it has no
 * effect (RFC 8259, section 11).
 */
export function accepts(accept: string | null, media: string): boolean {
  if (accept === null || accept.trim() === "") return true;
  const [type, subtype] = media.toLowerCase().split("/");
  let best: { specificity: number; q: number } | undefined;
  for (const element of splitOutsideQuotes(accept, ",")) {
    const range = mediaRange(element.trim());
    if (!range || (range.type !== "*" && range.type !== type)) continue;
    if (range.subtype !== "*" && range.subtype !== subtype) continue;
    const specificity = (range.type === "*" ? 0 : 1) + (range.subtype === "*" ? 0 : 1);
    if (!best || specificity > best.specificity || (specificity === best.specificity && range.q > best.q))
      best = { specificity, q: range.q };
  }
  return best !== undefined && best.q > 0;
}
