// The one reading of semantic versions (info.version, package.json, release tags).
import { describe, expect, it } from "vitest";
import { compareVersions, parseVersion } from "../../scripts/lib/version.ts";

describe("parseVersion", () => {
  it.each([
    ["1.2.3", { core: [1, 2, 3] }],
    ["v10.0.1", { core: [10, 0, 1] }],
    [" 2.0.0-rc.1 ", { core: [2, 0, 0], prerelease: "rc.1" }],
    ["2.0.0+build.5", { core: [2, 0, 0], build: "build.5" }],
    ["2.0.0-rc.1+b", { core: [2, 0, 0], prerelease: "rc.1", build: "b" }],
  ])("reads %j", (text, parsed) => {
    expect(parseVersion(text)).toEqual(parsed);
  });

  it.each(["", "1.2", "1.2.3.4", "one.two.three", "1.2.3-", "V1.2.3"])("refuses %j", (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
  it("refuses nothing given", () => expect(parseVersion(undefined)).toBeUndefined());
});

describe("compareVersions", () => {
  it("orders by major, then minor, then patch", () => {
    const sorted = [
      [1, 10, 0],
      [1, 2, 3],
      [2, 0, 0],
      [1, 2, 10],
    ].sort((a, b) => compareVersions(a as [number, number, number], b as [number, number, number]));
    expect(sorted).toEqual([
      [1, 2, 3],
      [1, 2, 10],
      [1, 10, 0],
      [2, 0, 0],
    ]);
  });
});
