// What travels in a body or a header: media types (added or removed, judged by side) and the
// schema of each one the two documents share.
import { compareCommon } from "./annotations.ts";
import type { DiffContext } from "./changes.ts";
import { childPointer, isObject, type JsonObject, type Place, type Resolved } from "./document.ts";
import { compareSchema } from "./walk-schema.ts";

const MEDIA_KEYS: ReadonlySet<string> = new Set(["schema"]);

const mediaOf = (holder: Resolved): JsonObject => (isObject(holder.node.content) ? holder.node.content : {});

/**
 * Compares `content` (or, for a parameter or header, `schema` or its one `content` entry).
 * `schemaOnly`: the holder is a parameter or header, whose media type is not negotiated.
 */
export function compareContent(ctx: DiffContext, b: Resolved, a: Resolved, options: { schemaOnly?: boolean }): void {
  if (options.schemaOnly && "schema" in b.node && "schema" in a.node) {
    compareSchema(ctx, b.node.schema, b.placeOf("schema"), a.node.schema, a.placeOf("schema"));
    return;
  }
  const [before, after] = [mediaOf(b), mediaOf(a)];
  if (options.schemaOnly) {
    // schema ↔ content is a change of serialization, judged by the caller
    const [bm, am] = [Object.keys(before), Object.keys(after)];
    if (bm.length === 1 && am.length === 1 && bm[0] === am[0]) compareMedia(ctx, b, a, bm[0]!);
    return;
  }
  const side = ctx.side === "response" ? "response" : "request";
  for (const media of Object.keys(before)) {
    if (!(media in after))
      ctx.out.add(ctx, `${side}-media-type-removed`, mediaPlace(b, media), `media type ${media} removed`, "base");
  }
  for (const media of Object.keys(after)) {
    if (media in before) compareMedia(ctx, b, a, media);
    else ctx.out.add(ctx, `${side}-media-type-added`, mediaPlace(a, media), `new media type ${media}`);
  }
}

function mediaPlace(holder: Resolved, media: string): Place {
  const several = Object.keys(mediaOf(holder)).length > 1;
  return {
    pointer: childPointer(holder.placeOf("content").pointer, media),
    label: several ? `${holder.place.label} (${media})` : holder.place.label,
  };
}

function compareMedia(ctx: DiffContext, b: Resolved, a: Resolved, media: string): void {
  const keyed = (holder: Resolved) => {
    const place = mediaPlace(holder, media);
    const node = mediaOf(holder)[media];
    return {
      node: isObject(node) ? node : {},
      place,
      placeOf: (key: string) => ({ pointer: childPointer(place.pointer, key), label: place.label }),
    };
  };
  const [was, is] = [keyed(b), keyed(a)];
  compareCommon(ctx, was, is, MEDIA_KEYS);
  compareSchema(ctx, was.node.schema, was.placeOf("schema"), is.node.schema, is.placeOf("schema"));
}
