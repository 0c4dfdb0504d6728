// How big and which run of the property test (contract-tests/property.test.ts): a fixed seed and
// a few hundred requests in the suite, a given seed and size for a replay or the nightly deep
// pass, and the path fast-check prints to go straight to a failure and its shrinking.

/** The seed of the suite's run: fixed, so `npm test` and `npm run contract` send the same requests every time. */
export const DEFAULT_SEED = 18_001;
/** A few seconds of the suite's time (docs/contract-gate.md gives the measured figure). */
export const DEFAULT_RUNS = 300;

export interface PropertySettings {
  seed: number;
  runs: number;
  /** fast-check's path to a counterexample, to replay a failure without searching again */
  path?: string;
}

/** The settings from LC_PROPERTY_SEED, LC_PROPERTY_RUNS and LC_PROPERTY_PATH; a value that is not one is refused. */
export function propertySettings(env: Record<string, string | undefined>): PropertySettings {
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(env[name])}`);
    return value;
  };
  const seed = integer("LC_PROPERTY_SEED", DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);
  const runs = integer("LC_PROPERTY_RUNS", DEFAULT_RUNS, 1, 1_000_000);
  const path = env.LC_PROPERTY_PATH?.trim();
  if (path && !/^\d+(:\d+)*$/.test(path))
    throw new Error(
      `LC_PROPERTY_PATH must be fast-check's path (digits and colons, as a failure prints it), got ${JSON.stringify(path)}`,
    );
  return { seed, runs, ...(path ? { path } : {}) };
}

/** The one-line command that replays a run (and, with a path, goes straight to its failure). */
export function replayCommand(settings: PropertySettings): string {
  const path = settings.path ? ` LC_PROPERTY_PATH=${settings.path}` : "";
  return `LC_PROPERTY_SEED=${settings.seed} LC_PROPERTY_RUNS=${settings.runs}${path} npx vitest run --project contract contract-tests/property.test.ts`;
}
