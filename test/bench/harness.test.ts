// The bench's guards: a stale build is rebuilt, the peer SDK is regenerated when its inputs
// change, and a task that does not really make the call stops the run.
import { describe, expect, it } from "vitest";
import { isStale } from "../../bench/build.ts";
import { recipeKey } from "../../bench/hey-api.ts";
import { checkTasks } from "../../bench/subjects.ts";

describe("isStale", () => {
  it("rebuilds when the output is missing or any input is newer", () => {
    expect(isStale(undefined, [1])).toBe(true);
    expect(isStale(100, [50, 101])).toBe(true);
    expect(isStale(100, [50, 100])).toBe(false);
    expect(isStale(100, [])).toBe(false);
  });
});

describe("recipeKey", () => {
  it("changes with the spec and with the generator's version, and only then", () => {
    const key = recipeKey("openapi: 3.1.0", "0.95.0");
    expect(recipeKey("openapi: 3.1.0", "0.95.0")).toBe(key);
    expect(recipeKey("openapi: 3.1.1", "0.95.0")).not.toBe(key);
    expect(recipeKey("openapi: 3.1.0", "0.96.0")).not.toBe(key);
  });
});

describe("checkTasks", () => {
  const expected = { entity: { id: "1" } };

  it("passes tasks that resolve to the expected body", async () => {
    await expect(
      checkTasks([{ name: "ok", run: async () => ({ entity: { id: "1" } }) }], expected),
    ).resolves.toBeUndefined();
  });

  it("names a task that resolves to something else, such as an error body", async () => {
    const tasks = [
      { name: "ok", run: async () => expected },
      { name: "forgot auth", run: async () => ({ error: "unauthorized" }) },
    ];
    await expect(checkTasks(tasks, expected)).rejects.toThrow(/"forgot auth" resolved to \{"error":"unauthorized"\}/);
  });

  it("names a task that rejects", async () => {
    const tasks = [{ name: "broken", run: async () => Promise.reject(new Error("ECONNREFUSED")) }];
    await expect(checkTasks(tasks, expected)).rejects.toThrow(/"broken" failed: ECONNREFUSED/);
  });
});
