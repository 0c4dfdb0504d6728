// The one rule the client, the kit and the gate use for "does the spec document this status".
import { describe, expect, it } from "vitest";
import { documentedStatus } from "../../src/client/statuses.ts";

describe("documentedStatus", () => {
  it("takes the code itself before its range, and the range before default", () => {
    expect(documentedStatus(["default", "2XX", "201"], 201)).toBe("201");
    expect(documentedStatus(["default", "2XX", "200"], 201)).toBe("2XX");
    expect(documentedStatus(["default", "200"], 201)).toBe("default");
  });

  it("reads a range in any case, as OpenAPI writers do (2xx, 2XX)", () => {
    expect(documentedStatus(["200", "4xx"], 404)).toBe("4xx");
  });

  it("leaves default out when asked, and says nothing for a status the spec does not cover", () => {
    expect(documentedStatus(["200", "default"], 503, false)).toBeUndefined();
    expect(documentedStatus(["200", "401"], 503)).toBeUndefined();
  });
});
