// Which of the statuses an operation documents answers for a status: the code itself, then its
// range as OpenAPI writes it (`2XX`, any case), then `default`. The client, the testing kit and the
// gate each ask this; one rule, so they never disagree about what the spec documents.

/**
 * The documented status key that covers `status`, or undefined when the spec documents nothing
 * for it. `withDefault: false` leaves `default` out (a caller with a fallback of its own).
 * @internal also the kit's and the gate's
 */
export function documentedStatus(statuses: readonly string[], status: number, withDefault = true): string | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    statuses.find((s) => s === code) ??
    statuses.find((s) => s.toUpperCase() === range) ??
    (withDefault ? statuses.find((s) => s === "default") : undefined)
  );
}
