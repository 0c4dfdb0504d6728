// The bench report's table layout and number formats: what bench/table.ts adds to the one table
// printer it lays out with (src/gate/table.ts, tested in test/scripts/lib.test.ts).
import { describe, expect, it } from "vitest";
import { fmtHalfSpread, fmtInt, fmtRatio, fmtSeconds, formatTable } from "../../bench/table.ts";

describe("formatTable", () => {
  it("aligns the first column left and the figures right unless told otherwise, with no header row", () => {
    expect(
      formatTable(
        [
          ["name", "n"],
          ["a", "1,234"],
        ],
        [],
        "",
      ),
    ).toEqual(["name      n", "a     1,234"]);
    expect(formatTable([["x", "y"]], ["right", "left"], "  ")).toEqual(["  x  y"]);
    expect(formatTable([])).toEqual([]);
  });
});

describe("formats", () => {
  it("rounds integers with thousands separators", () => expect(fmtInt(28980.6)).toBe("28,981"));
  it("writes ratios with two decimals and ×", () => expect(fmtRatio(0.8999)).toBe("0.90×"));
  it("halves a spread for ±", () => expect(fmtHalfSpread(8.5)).toBe("±4.3%"));
  it("writes seconds with one decimal", () => expect(fmtSeconds(35_640)).toBe("35.6 s"));
});
