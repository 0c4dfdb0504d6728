// Colour, decided once per process: on for a terminal, off for a pipe or a file (CI logs,
// `| tee`), NO_COLOR always wins (https://no-color.org), FORCE_COLOR turns it on for a pipe.
// Child processes are told the same decision, because many tools colour their output whenever
// CI is set, terminal or not.

type Env = Record<string, string | undefined>;

/** True when output should carry ANSI colour codes. */
export function colourWanted(env: Env, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.trim().toLowerCase());
  return isTTY;
}

/** The environment for a child process, carrying the same colour decision. */
export function childEnv(env: Env, colour: boolean, extra: Env = {}): NodeJS.ProcessEnv {
  const out: Env = { ...env, ...extra };
  // picocolors and friends colour when FORCE_COLOR merely exists, whatever its value
  delete out.NO_COLOR;
  delete out.FORCE_COLOR;
  if (colour) out.FORCE_COLOR = "1";
  else out.NO_COLOR = "1";
  return out as NodeJS.ProcessEnv;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

/** Wraps text in an ANSI style when colour is on; returns it untouched otherwise. */
export function painter(colour: boolean): (style: Style, text: string) => string {
  return (style, text) => (colour ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

// ESC, then a CSI sequence; built from a string so the pattern holds no control character
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[ -/]*[@-~]`, "g");

/** Text without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** This process's decision, from its own environment and stdout. */
export function processColour(): boolean {
  return colourWanted(process.env, process.stdout.isTTY === true);
}

/**
 * Makes this process's environment say what `processColour` decided, for tools loaded into
 * it (tsdown colours whenever CI is set, terminal or not). Call before importing such a tool.
 */
export function settleColour(): void {
  const colour = processColour();
  delete process.env.NO_COLOR;
  delete process.env.FORCE_COLOR;
  process.env[colour ? "FORCE_COLOR" : "NO_COLOR"] = "1";
}
