// Plain-text tables and number formats of the bench report.
import { describe, expect, it } from "vitest";
import { fmtHalfSpread, fmtInt, fmtRatio, fmtSeconds, formatTable } from "../../bench/table.ts";

describe("formatTable", () => {
  it("pads each column to its widest cell: first column left, the others right", () => {
    expect(
      formatTable(
        [
          ["name", "n"],
          ["a", "1,234"],
          ["longer", "5"],
        ],
        [],
        "",
      ),
    ).toEqual(["name        n", "a       1,234", "longer      5"]);
  });

  it("counts a character outside ASCII (×, ±) as one column", () => {
    const lines = formatTable(
      [
        ["a", "1.00×"],
        ["b", "10.00×"],
      ],
      [],
      "",
    );
    expect(lines).toEqual(["a   1.00×", "b  10.00×"]);
  });

  it("follows the given alignment, indents, and leaves no trailing spaces", () => {
    expect(
      formatTable(
        [
          ["x", "y", ""],
          ["long", "z", ""],
        ],
        ["right", "left", "left"],
        "  ",
      ),
    ).toEqual(["     x  y", "  long  z"]);
  });

  it("lays out a short row as if its missing cells were empty", () => {
    expect(formatTable([["a", "b"], ["c"]], [], "")).toEqual(["a  b", "c"]);
  });
});

describe("formats", () => {
  it("rounds integers with thousands separators", () => expect(fmtInt(28980.6)).toBe("28,981"));
  it("writes ratios with two decimals and ×", () => expect(fmtRatio(0.8999)).toBe("0.90×"));
  it("halves a spread for ±", () => expect(fmtHalfSpread(8.5)).toBe("±4.3%"));
  it("writes seconds with one decimal", () => expect(fmtSeconds(35_640)).toBe("35.6 s"));
});
