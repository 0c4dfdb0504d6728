// The query half of request validation, on an operation with query parameters (the spec has
// none today; a new one must be checked from its first day): required, unknown and invalid
// names, and keys an object inherits, which name no parameter.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { RequestValidators } from "../../generated/validators.js";
import { ValidationError } from "../../src/client/errors.ts";
import { assertValidRequest } from "../../src/client/validation.ts";

const ajv = new Ajv2020({ strict: true, allErrors: true });
const op: RequestValidators = {
  body: undefined,
  pathParams: {},
  queryParams: {
    include: ajv.compile({ type: "string", enum: ["flows", "modules"] }),
    kind: ajv.compile({ type: "string" }),
  },
  requiredQuery: ["kind"],
};

function violations(query: unknown): unknown {
  try {
    assertValidRequest(op, { query: query as Record<string, unknown> });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => `${v.path}: ${v.message}`);
  }
}

describe("query validation", () => {
  it("passes a query that sends what is required, each value valid", () => {
    expect(violations({ kind: "recipient", include: "flows" })).toEqual([]);
  });

  it("names a required parameter left out, and a value its schema refuses", () => {
    expect(violations({ include: "everything" })).toEqual([
      "query/kind: is required",
      "query/include: must be equal to one of the allowed values",
    ]);
  });

  it.each(["toString", "constructor", "hasOwnProperty"])(
    "refuses %s, a name every object inherits, as no parameter",
    (name) => {
      expect(violations({ kind: "recipient", [name]: "x" })).toEqual([
        `query/${name}: is not a query parameter of this operation`,
      ]);
    },
  );

  it("refuses a __proto__ key (as JSON.parse makes one) with a ValidationError, not a TypeError", () => {
    expect(violations(JSON.parse('{"kind": "recipient", "__proto__": "x"}'))).toEqual([
      "query/__proto__: is not a query parameter of this operation",
    ]);
  });

  it("refuses a query that is not an object", () => {
    expect(violations(["kind"])).toEqual(["query: must be an object of query parameters"]);
  });
});
