// How many of Prism's seeded dynamic answers the generated mode checks per operation: a few in the
// suite (each costs Prism ~10 ms of its one thread), many in the nightly deep pass
// (.github/workflows/property-deep.yml sets LC_GENERATED_SEEDS).

/** The suite's count: seeds FIRST_SEED, FIRST_SEED + 1, … */
export const DEFAULT_SEEDS = 10;
export const FIRST_SEED = 1000;

/** The seeds from LC_GENERATED_SEEDS (a count), or the suite's; a value that is not a count is refused. */
export function generatedSeeds(env: Record<string, string | undefined>): number[] {
  const raw = env.LC_GENERATED_SEEDS?.trim();
  const count = raw === undefined || raw === "" ? DEFAULT_SEEDS : Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    throw new Error(
      `LC_GENERATED_SEEDS must be an integer from 1 to 100000, got ${JSON.stringify(env.LC_GENERATED_SEEDS)}`,
    );
  return Array.from({ length: count }, (_, i) => FIRST_SEED + i);
}
