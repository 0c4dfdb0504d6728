// The kit's mock against Prism and the RFCs, by property: fast-check generates requests over
// every dimension the spec and the RFCs under it speak of (contract-tests/lib/probes.ts: method,
// path, query, Accept, Content-Type, byte order mark, Authorization, body), each is sent as raw
// HTTP to both targets, and the answers must agree or differ as a row of the target table that
// is about that request says (contract-tests/lib/property.ts). Prism is never sent a request a
// row says it exits on; the mock's answer to one is held to the RFC's.
//
// A fixed seed and a few hundred requests here; LC_PROPERTY_SEED, LC_PROPERTY_RUNS and
// LC_PROPERTY_PATH replay a failure or run the deep pass (docs/contract-gate.md, "What a mock run checks").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { urlOf } from "./lib/harness.ts";
import { probeArb } from "./lib/probes.ts";
import { checkProbe, type PropertyTargets } from "./lib/property.ts";
import { DEFAULT_RUNS, propertySettings, replayCommand } from "./lib/property-settings.ts";
import { targetTag } from "./lib/records.ts";
import { type DifferenceId, FAMILIES, REFERENCE, TARGETS } from "./lib/targets.ts";

const settings = propertySettings(process.env);

for (const target of TARGETS.filter((t) => t !== REFERENCE))
  describe(target.name, { tags: [targetTag(target.name)] }, () => {
    const seen = { agreed: 0, explained: 0, targetOnly: 0, sent: 0, passed: false };
    const used = new Map<DifferenceId, number>();
    const name = `answers ${settings.runs} generated requests as ${REFERENCE.name} does, or as the target table says (seed ${settings.seed})`;

    it(name, { timeout: 30_000 + settings.runs * 100 }, async () => {
      const targets: PropertyTargets = {
        target: { target, url: urlOf(target) },
        reference: { target: REFERENCE, url: urlOf(REFERENCE) },
      };
      const property = fc.asyncProperty(probeArb, async (probe) => {
        const outcome = await checkProbe(probe, targets);
        seen.sent += outcome.sent;
        if (outcome.kind === "agreed") return void seen.agreed++;
        if (outcome.kind === "explained") seen.explained++;
        else seen.targetOnly++;
        for (const row of outcome.rows) used.set(row, (used.get(row) ?? 0) + 1);
      });
      const { seed, runs: numRuns, path } = settings;
      const details = await fc.check(property, { seed, numRuns, ...(path ? { path } : {}) });
      seen.passed = !details.failed;
      console.log(
        `property (seed ${seed}, ${numRuns} requests): ${seen.agreed} agreed, ${seen.explained} differed as the table says, ${seen.targetOnly} went to ${target.name} only (${REFERENCE.name} exits on them); ${seen.sent} HTTP requests`,
      );
      if (!details.failed) return;
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const probe = JSON.stringify(details.counterexample?.[0], null, 2);
      const replay = replayCommand({ ...settings, path: details.counterexamplePath ?? undefined });
      expect.fail(`${cause}\n\ngenerated request (shrunk ${details.numShrinks} times):\n${probe}\n\nreplay: ${replay}`);
    });

    // a row whose family nothing generated needs is either stale or a dimension the probes miss
    it.runIf(settings.path === undefined && settings.runs >= DEFAULT_RUNS)(
      "every family of the target table explained a difference the property met, or took a request from it",
      (context) => {
        if (!seen.passed) context.skip("the property failed before it sent every request");
        const unused = FAMILIES.map(([id]) => id).filter((id) => !used.has(id));
        expect(unused, `rows no generated request needed (seed ${settings.seed})`).toEqual([]);
      },
    );
  });
