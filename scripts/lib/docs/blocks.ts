// Parts of the docs that code holds: written from their source by `npm run generate` between
// markers, never by hand, so a table in the docs cannot drift from the table in the code. A block
// is a line `<!-- generated: NAME -->`, then a line `<!-- end: NAME -->`; what lies between is
// replaced whole.
// The drift check (`npm run check:generated`) fails on a stale block, naming its file.

/** Renders a block's content (without the markers) from its source. */
export type BlockRenderer = () => string | Promise<string>;

// a marker is a line of its own (one quoted in prose is not a marker)
const BLOCK = /^(<!-- generated: ([\w-]+) -->\n)([\s\S]*?)^(<!-- end: \2 -->)$/gm;
const OPENING = /^<!-- generated: [\w-]+ -->$/gm;

/** The names of the blocks a markdown text holds, in order. */
export function blockNames(markdown: string): string[] {
  return [...markdown.matchAll(BLOCK)].map((m) => m[2]!);
}

/**
 * The text with every block rendered anew. A block whose name no renderer has is an error
 * (a typo in a marker would otherwise go unnoticed), and so is a marker left open.
 */
export async function fillBlocks(
  markdown: string,
  renderers: Readonly<Record<string, BlockRenderer>>,
  file: string,
  /** blocks another command writes (their names): left as they are */
  others: ReadonlySet<string> = new Set(),
): Promise<string> {
  const opened = (markdown.match(OPENING) ?? []).length;
  const names = blockNames(markdown);
  if (opened !== names.length) throw new Error(`${file}: a "<!-- generated: … -->" marker has no matching end`);
  const unknown = names.filter((name) => !Object.hasOwn(renderers, name) && !others.has(name));
  if (unknown.length) throw new Error(`${file}: no renderer for block ${unknown.join(", ")}`);
  const rendered = new Map<string, string>();
  for (const name of new Set(names.filter((n) => Object.hasOwn(renderers, n))))
    rendered.set(name, (await renderers[name]!()).replace(/\n*$/, "\n"));
  return markdown.replace(BLOCK, (all, open: string, name: string, _old: string, close: string) =>
    rendered.has(name) ? `${open}${rendered.get(name)}${close}` : all,
  );
}

/** A fenced code block. */
export const fenced = (lang: string, text: string): string => `\`\`\`${lang}\n${text.replace(/\n*$/, "")}\n\`\`\``;
