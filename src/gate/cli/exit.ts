/** The gate's exit codes; `--help` lists them. */
export const EXIT = {
  /** the contract holds */
  ok: 0,
  /** the contract is broken */
  broken: 1,
  /** refused: usage, a missing secret, an unsafe target */
  refused: 2,
  /** the gate itself failed */
  crashed: 3,
} as const;
