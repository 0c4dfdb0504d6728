// Every rule of the policy on its own fixture (cases.ts): it fires, with its verdict, and no
// other rule misfires; every rule has a fixture; and the policy table in docs/spec-changes.md is
// the rule list.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fillBlocks } from "../../../scripts/lib/docs/blocks.ts";
import { inRoot } from "../../../scripts/lib/paths.ts";
import { parseSpec } from "../../../scripts/lib/spec-diff/document.ts";
import { diffSpecs } from "../../../scripts/lib/spec-diff/engine.ts";
import { policyTable } from "../../../scripts/lib/spec-diff/policy.ts";
import { RULES, ruleOf } from "../../../scripts/lib/spec-diff/rules.ts";
import { BASE_TEXT, CASES, diffPatched, patched } from "./cases.ts";

describe("the base fixture", () => {
  it("has no change against itself, as YAML or as re-serialised", () => {
    expect(diffSpecs(parseSpec(BASE_TEXT, "a"), parseSpec(BASE_TEXT, "b"))).toEqual([]);
    expect(diffSpecs(parseSpec(BASE_TEXT, "a"), parseSpec(patched(undefined), "b"))).toEqual([]);
  });
});

describe.each(CASES)("$rule: $title", (c) => {
  const changes = diffPatched(c.before, c.after);
  const rule = ruleOf(c.rule);

  it(`fires, ${rule.verdict}, and nothing else does`, () => {
    expect([...new Set(changes.map((x) => x.rule))].sort()).toEqual([c.rule, ...(c.also ?? [])].sort());
    for (const change of changes.filter((x) => x.rule === c.rule)) {
      expect(change.verdict).toBe(rule.verdict);
      expect(change.section).toBe(rule.section);
      if (rule.side !== "both") expect(change.side).toBe(rule.side);
      expect(change.line, `${change.pointer} has a line`).toBeGreaterThan(0);
    }
  });

  if (c.operations) {
    it("names every operation it reaches, once", () => {
      const change = changes.find((x) => x.rule === c.rule)!;
      expect([...change.operations].sort()).toEqual([...c.operations!].sort());
      expect(changes.filter((x) => x.rule === c.rule)).toHaveLength(1);
    });
  }
});

describe("the policy", () => {
  it("has a fixture for every rule", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULES.filter((r) => !covered.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it("has one row per rule in docs/spec-changes.md (npm run generate writes it)", async () => {
    const file = inRoot("docs", "spec-changes.md");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("<!-- generated: spec-change-policy -->");
    expect(await fillBlocks(text, { "spec-change-policy": policyTable }, file)).toBe(text);
  });

  it("names each rule once, and says why in words", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.why.length, r.id).toBeGreaterThan(30);
  });
});
