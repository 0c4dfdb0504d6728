// The target table says Prism exits on some requests, and the property test never sends it one:
// that claim is measured here, not copied. For every family whose `prism` is "exits", a request of
// the family is sent to a Prism of its own, which must then stop answering; the suite's shared
// Prism never gets one. A row that says "exits" without an example here fails the first test.
import { afterEach, describe, expect, it } from "vitest";
import { type RunningPrism, startPrism } from "../../contract-tests/lib/prism.ts";
import { type DifferenceId, FAMILIES, REFERENCE } from "../../contract-tests/lib/targets.ts";
import { sendWire, type WireRequest } from "../../contract-tests/lib/wire.ts";
import { basicAuthorization } from "../../src/client/index.ts";

const RESEND = "/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend";
const resend = (target: string, headers: [string, string][] = []): WireRequest => ({
  method: "PUT",
  target,
  headers: [["authorization", basicAuthorization(REFERENCE.apiKey)], ...headers],
  body: new Uint8Array(),
});

/** One request of each family Prism exits on. */
const EXAMPLES: Partial<Record<DifferenceId, WireRequest>> = {
  malformedEscape: resend("/invitations/64b8f0f5e4b0c3a1d5e6f7%ZZ/resend"),
  undecodableEscape: resend("/invitations/64b8f0f5e4b0c3a1d5e6f7%C3/resend"),
  acceptUnreadable: resend(RESEND, [["accept", "*"]]),
  unreadableMediaTypeNoBody: resend(RESEND, [["content-type", "application/"]]),
};

const EXITS = FAMILIES.filter(([, family]) => family.prism === "exits");
const GONE_WITHIN_MS = 5_000;

const answers = (url: string): Promise<boolean> =>
  fetch(`${url}/__health`, { signal: AbortSignal.timeout(1_000) }).then(
    async (res) => {
      await res.arrayBuffer();
      return true;
    },
    () => false,
  );

/** Whether Prism stops answering its health check within the bound (polled; no fixed wait). */
async function stopsAnswering(url: string): Promise<boolean> {
  const deadline = Date.now() + GONE_WITHIN_MS;
  while (Date.now() < deadline) if (!(await answers(url))) return true;
  return false;
}

describe("the families Prism exits on", () => {
  let prism: RunningPrism | undefined;
  afterEach(async () => {
    await prism?.stop();
    prism = undefined;
  });

  it("have an example each, of their own family", () => {
    expect(EXITS.map(([id]) => id).sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [id, family] of EXITS) expect(family.has(EXAMPLES[id]!, REFERENCE.apiKey), id).toBe(true);
  });

  it.each(EXITS.map(([id]) => [id] as const))("%s: Prism stops answering", { timeout: 60_000 }, async (id) => {
    prism = await startPrism();
    expect(await answers(prism.url), "Prism answers before").toBe(true);
    const reply = await sendWire(prism.url, EXAMPLES[id]!);
    expect(reply.kind, JSON.stringify(reply)).toBe("no answer");
    expect(await stopsAnswering(prism.url), `Prism still answers ${GONE_WITHIN_MS} ms after`).toBe(true);
  });
});
