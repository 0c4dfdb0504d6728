// Writes tar archives for tests of scripts/lib/tar.ts and the packaged Chromium's unpacking:
// ustar headers, with any type flag (so the reader's refusals can be tested) and an optional
// ustar prefix for long paths.
export interface TarInput {
  path: string;
  /** tar type flag: "0" file (default), "5" folder, "2" symlink, "L" GNU long name, … */
  flag?: string;
  data?: string | Buffer;
  mode?: number;
  /** ustar prefix: the path is prefix + "/" + path */
  prefix?: string;
  /** the size field as written, instead of the data's length in octal */
  rawSize?: string;
}

const BLOCK = 512;

export function tarOf(inputs: TarInput[], options: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const input of inputs) {
    const data = Buffer.from(input.data ?? "");
    parts.push(header(input, data.length), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  if (options.end !== false) parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function header(input: TarInput, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const put = (at: number, text: string) => block.write(text, at, "utf8");
  const octal = (at: number, length: number, value: number) =>
    put(at, `${value.toString(8).padStart(length - 1, "0")}\0`);
  put(0, input.path);
  octal(100, 8, input.mode ?? (input.flag === "5" ? 0o755 : 0o644));
  octal(108, 8, 0);
  octal(116, 8, 0);
  if (input.rawSize === undefined) octal(124, 12, size);
  else put(124, input.rawSize);
  octal(136, 12, 0);
  put(156, input.flag ?? "0");
  put(257, "ustar\u000000");
  if (input.prefix) put(345, input.prefix);
  put(148, "        ");
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, `${sum.toString(8).padStart(6, "0")}\0 `);
  return block;
}
