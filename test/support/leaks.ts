// How the tests look for a leaked key: every form it can travel in, searched for in every way a
// value can be shown to a person or a log (message, String, JSON, util.inspect with and without
// hidden fields, stack).
import { inspect } from "node:util";
import { expect } from "vitest";
import { basicAuthorization } from "../../src/client/index.ts";

/** The key, its Basic token, URL-encoded, JSON-escaped and as UTF-8 hex: the forms it may travel in. */
export function keyForms(key: string): string[] {
  const forms = [
    key,
    basicAuthorization(key).slice("Basic ".length),
    encodeURIComponent(key),
    JSON.stringify(key).slice(1, -1),
    Buffer.from(key, "utf8").toString("hex"),
  ];
  return [...new Set(forms)];
}

/** Every way a value may be shown. */
function renderings(value: unknown): Record<string, string> {
  return {
    message: value instanceof Error ? value.message : "",
    string: String(value),
    json: JSON.stringify(value) ?? "",
    inspect: inspect(value, { depth: 10 }),
    inspectHidden: inspect(value, { depth: 10, showHidden: true }),
    stack: value instanceof Error ? (value.stack ?? "") : "",
  };
}

/** Fails, naming the rendering, when any of `forms` shows in any rendering of `value`; returns the checks made. */
export function expectNoKey(value: unknown, forms: readonly string[], what: string): number {
  let checks = 0;
  for (const [how, text] of Object.entries(renderings(value))) {
    for (const form of forms) {
      checks++;
      expect(text.includes(form), `${what}: a key leaked through ${how}`).toBe(false);
    }
  }
  return checks;
}
