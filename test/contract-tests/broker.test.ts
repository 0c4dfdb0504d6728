// The run's broker (contract-tests/lib/broker.ts): a resource starts on the first ask and once,
// its failure goes to whoever asks, and every answer closes its connection.
import { describe, expect, it } from "vitest";
import { holdBroker } from "../../contract-tests/lib/broker.ts";

describe("the run's broker", () => {
  it("starts a resource on the first ask, once, and answers each ask on a connection of its own", async () => {
    const broker = await holdBroker();
    let starts = 0;
    let stopped = false;
    broker.register("thing", async () => {
      starts++;
      const stop = async () => {
        stopped = true;
      };
      return { value: "http://127.0.0.1:1", stop };
    });
    broker.register("broken", async () => {
      throw new Error("it would not start");
    });
    const [a, b] = await Promise.all([fetch(`${broker.url}/thing`), fetch(`${broker.url}/thing`)]);
    expect([await a.text(), await b.text()]).toEqual(["http://127.0.0.1:1", "http://127.0.0.1:1"]);
    expect(starts).toBe(1);
    expect(a.headers.get("connection")).toBe("close");
    const broken = await fetch(`${broker.url}/broken`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain("it would not start");
    const unknown = await fetch(`${broker.url}/nothing`);
    expect(unknown.status).toBe(404);
    await unknown.text();
    await broker.release();
    expect(stopped).toBe(true);
    await expect(fetch(`${broker.url}/thing`)).rejects.toThrow();
  });
});
