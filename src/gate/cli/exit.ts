// The gate's exit codes: one table, read by the code that exits and by --help.

/** Each exit code, what it means to a CI job, and its name in the code. */
export const EXIT_CODES = [
  { name: "ok", code: 0, meaning: "the contract holds (a dry run: the requests were listed)" },
  {
    name: "broken",
    code: 1,
    meaning: "the contract is broken: a violation, a failed test or step, a documented response never exercised",
  },
  { name: "refused", code: 2, meaning: "refused: bad usage, a missing secret, an unsafe target; nothing was checked" },
  {
    name: "unchecked",
    code: 3,
    meaning:
      "could not check, never a verdict: the target refused or did not answer within --timeout, Prism crashed twice, or the gate itself failed (its stack is printed)",
  },
] as const;

type ExitName = (typeof EXIT_CODES)[number]["name"];

/** The exit codes by name: `EXIT.broken` is 1. */
export const EXIT = Object.fromEntries(EXIT_CODES.map((e) => [e.name, e.code])) as {
  readonly [N in ExitName]: Extract<(typeof EXIT_CODES)[number], { name: N }>["code"];
};
