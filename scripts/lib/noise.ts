// Warnings from third-party tools that a user of this repository cannot act on, filtered out
// of the gates' output, each replaced by one line saying what was hidden and why the first
// time it appears. Everything else a tool prints passes through untouched.
import type { LineFilter } from "./run.ts";

interface Noise {
  /** true for each line that belongs to the notice */
  matches: (line: string) => boolean;
  /** said once, in place of the notice */
  explanation: string;
}

const BOX = /[╔╗╚╝║═]/;

export const NOISE = {
  // Printed on every redocly command under Node 20, boxed; this project supports Node >= 20
  // on purpose and pins @redocly/cli.
  redoclyNode20: {
    matches: (line) => BOX.test(line),
    explanation:
      "(hidden: Redocly's boxed notice that its Node.js 20 support is ending; this project pins @redocly/cli and supports Node >= 20)",
  },
} satisfies Record<string, Noise>;

/**
 * A line filter that drops the lines of the given notices and says so once per notice. Blank
 * lines next to a dropped notice go with it, so no gap is left where a box was.
 */
export function noiseFilter(...noises: Noise[]): LineFilter {
  const explained = new Set<Noise>();
  let dropping = false;
  let blankHeld = false;
  return (line) => {
    const noise = noises.find((n) => n.matches(line));
    if (noise) {
      dropping = true;
      blankHeld = false;
      if (explained.has(noise)) return null;
      explained.add(noise);
      return noise.explanation;
    }
    if (line.trim() === "") {
      if (dropping || blankHeld) return null;
      blankHeld = true;
      return null;
    }
    const held = blankHeld;
    dropping = false;
    blankHeld = false;
    return held ? `\n${line}` : line;
  };
}

/** Text with the given notices removed (for output collected rather than streamed). */
export function withoutNoise(text: string, ...noises: Noise[]): string {
  const filter = noiseFilter(...noises);
  return text
    .split("\n")
    .map((line) => filter(line))
    .filter((line): line is string => line !== null)
    .join("\n")
    .trim();
}
