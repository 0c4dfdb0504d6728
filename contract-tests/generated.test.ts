// Generated mode: Prism's dynamic responses (seeded, so a failing seed can be replayed with
// `Prefer: dynamic=true, seed=N`) must validate against the spec and parse in the client. The
// target table says which targets make such answers (the mock does not, and says why).
import { describe, expect, it } from "vitest";
import { generatedSeeds } from "./lib/generated-seeds.ts";
import { about, bodyOf, expectConforming, forEachTarget, observedClient, validCalls } from "./lib/harness.ts";
import type { Target } from "./lib/targets.ts";

const seeds = generatedSeeds(process.env);
const seededClient = (target: Target, seed: number) => observedClient(target, { prefer: `dynamic=true, seed=${seed}` });

forEachTarget("generated", (target) => {
  for (const [operationId, call] of Object.entries(validCalls))
    describe(`${operationId}, dynamic responses`, about(operationId), () => {
      it.concurrent.each(seeds)("seed %i validates and parses", async (seed) => {
        const { lc, seen } = seededClient(target, seed);
        const result = await call(lc).catch((error: unknown) => {
          throw new Error(`seed ${seed} (replay: Prefer: dynamic=true, seed=${seed}): ${String(error)}`);
        });
        const body = await bodyOf(seen.response!);
        expect(result, `seed ${seed}`).toEqual(body);
        await expectConforming(target, operationId, seen.response!, body, { mode: "generated", case: `seed ${seed}` });
      });

      it("the same seed gives the same response (runs can be replayed)", async () => {
        const first = seededClient(target, seeds[0]!);
        const second = seededClient(target, seeds[0]!);
        expect(await call(first.lc)).toEqual(await call(second.lc));
      });
    });
});
