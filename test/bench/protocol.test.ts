// What a measurement worker prints back, and what the orchestrator accepts from it.
import { describe, expect, it } from "vitest";
import { parseWorkerOutput } from "../../bench/protocol.ts";

const report = {
  node: "v24.21.0",
  perCall: [{ name: "a", values: [1, 2, 3] }],
  loopback: { sequential: [{ name: "a", values: [4, 5, 6] }] },
};

describe("parseWorkerOutput", () => {
  it("takes the last JSON line, whatever else the worker printed", () => {
    const stdout = `(node:1) ExperimentalWarning: something\n{"old": true}\n${JSON.stringify(report)}\n`;
    expect(parseWorkerOutput(stdout)).toEqual(report);
  });

  it("says when there is no report or it is not JSON", () => {
    expect(() => parseWorkerOutput("Error: boom\n")).toThrow(/printed no JSON report/);
    expect(() => parseWorkerOutput("{not json\n")).toThrow(/not JSON/);
  });

  it.each([
    ["no node version", { ...report, node: undefined }],
    ["no loopback mode", { ...report, loopback: {} }],
    ["a value that is not a speed", { ...report, perCall: [{ name: "a", values: [1, Number.NaN] }] }],
    ["a zero speed", { ...report, loopback: { sequential: [{ name: "a", values: [0] }] } }],
  ])("rejects a report with %s", (_, bad) => {
    expect(() => parseWorkerOutput(JSON.stringify(bad))).toThrow(/lacks node, perCall or loopback series/);
  });
});
