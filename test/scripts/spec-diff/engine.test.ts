// The engine beyond one rule at a time: what counts as the same change, what is no change at
// all (a restatement), where a change is told, which side of a shared schema sees what, and how
// it refuses a document it cannot read.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { spec } from "../../../contract-tests/lib/spec.ts";
import { PATHS } from "../../../scripts/lib/paths.ts";
import { parseSpec, SpecDiffError } from "../../../scripts/lib/spec-diff/document.ts";
import { diffSpecs } from "../../../scripts/lib/spec-diff/engine.ts";
import { type Doc, diffPatched, op, patched, prop, RECIPIENT, schema } from "./cases.ts";

const rules = (changes: { rule: string }[]) => changes.map((c) => c.rule).sort();
const ALL_OPERATIONS = [
  "POST /invitations/recipient",
  "POST /invitations/source",
  "PUT /invitations/{entityId}/resend",
];

describe("restatements: the same values, said differently", () => {
  it.each<[string, (s: Doc) => void, (s: Doc) => void]>([
    [
      "a one-value enum and const",
      (s) => {
        prop(s, "InvitationRequest", "kind").enum = ["buyer"];
      },
      (s) => {
        delete prop(s, "InvitationRequest", "kind").enum;
        prop(s, "InvitationRequest", "kind").const = "buyer";
      },
    ],
    [
      "anyOf with null and a type array",
      () => {},
      (s) => {
        schema(s, "Entity").properties.invitation_id = {
          type: ["string", "null"],
          description: "A BSON object id.",
          pattern: "^[0-9a-fA-F]{24}$",
        };
      },
    ],
    ["a type the properties imply, written out", (s) => delete schema(s, "Circle").type, () => {}],
    [
      "an allOf that merges to the same schema",
      () => {},
      (s) => {
        const { required, properties, ...rest } = schema(s, "InvitationResponse");
        s.components.schemas.InvitationResponse = { allOf: [rest, { required, properties }] };
      },
    ],
    [
      "a pattern and a maxLength every enum value already meets",
      () => {},
      (s) => {
        Object.assign(prop(s, "InvitationRequest", "kind"), { pattern: "^[a-z]+$", maxLength: 6 });
      },
    ],
  ])("%s", (_, before, after) => {
    expect(rules(diffPatched(before, after))).toEqual(["restatement"]);
  });

  it("a $ref with null in anyOf, folded even where both describe the value", () => {
    const text = readFileSync(PATHS.spec, "utf8");
    const doc = parse(text);
    const id = prop(doc, "Entity", "invitation_id");
    delete id.anyOf;
    Object.assign(id, { type: ["string", "null"], pattern: schema(doc, "BsonId").pattern });
    id.examples = schema(doc, "BsonId").examples;
    const changes = diffSpecs(parseSpec(text, "a"), parseSpec(stringify(doc), "b"));
    expect(rules(changes)).toEqual(["restatement"]);
  });

  it("a limit that excludes an enum value is that value removed, not a restatement", () => {
    const changes = diffPatched(undefined, (s) => {
      prop(s, "InvitationRequest", "kind").maxLength = 5;
    });
    expect(changes).toEqual([
      expect.objectContaining({ rule: "request-enum-value-removed", message: expect.stringContaining('"seller"') }),
    ]);
  });

  it("an inline schema moved into a component is a new component and a restatement where it was", () => {
    const changes = diffPatched(undefined, (s) => {
      s.components.schemas.Email = prop(s, "InvitationRequest", "email");
      schema(s, "InvitationRequest").properties.email = { $ref: "#/components/schemas/Email" };
    });
    expect(rules(changes)).toEqual(["component-added", "restatement"]);
    expect(changes.find((c) => c.rule === "restatement")!.pointer).toBe("/components/schemas/InvitationRequest");
  });

  it("YAML written differently is no change at all", () => {
    const base = patched(undefined);
    const flowStyle = stringify(parse(base), { collectionStyle: "flow" });
    expect(diffSpecs(parseSpec(base, "a"), parseSpec(`# a comment\n${flowStyle}`, "b"))).toEqual([]);
  });

  it("a document that changed where no rule looks is still one editorial change", () => {
    const changes = diffPatched(undefined, (s) => {
      s.components.securitySchemes.Unused = { type: "http", scheme: "bearer" };
    });
    expect(changes).toEqual([expect.objectContaining({ rule: "restatement", verdict: "editorial", pointer: "" })]);
  });
});

describe("one change per place in the spec, naming every operation that reaches it", () => {
  it("a change with one verdict on both sides is one change, on side both", () => {
    const changes = diffPatched(undefined, (s) => {
      schema(s, "BsonId").pattern = "^[0-9a-f]{24}$";
    });
    expect(changes).toEqual([
      expect.objectContaining({
        rule: "pattern-changed",
        side: "both",
        operations: expect.arrayContaining(ALL_OPERATIONS),
      }),
    ]);
  });

  it("a component behind two operations is one change listing both", () => {
    const changes = diffPatched(undefined, (s) => {
      schema(s, "InvitationRequest").required.push("kind");
    });
    expect(changes).toEqual([
      expect.objectContaining({
        rule: "request-property-became-required",
        message: "`InvitationRequest.kind`: now required",
        pointer: "/components/schemas/InvitationRequest/properties/kind",
        operations: ["POST /invitations/recipient", "POST /invitations/source"],
      }),
    ]);
  });

  it("a schema met on both sides is judged on each: breaking for requests, additive for responses", () => {
    const changes = diffPatched(
      (s) => {
        s.components.schemas.Tag = { type: "object", properties: { name: { type: "string" } } };
        schema(s, "InvitationRequest").properties.tag = { $ref: "#/components/schemas/Tag" };
        schema(s, "Entity").properties.tag = { $ref: "#/components/schemas/Tag" };
      },
      (s) => {
        s.components.schemas.Tag = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
        schema(s, "InvitationRequest").properties.tag = { $ref: "#/components/schemas/Tag" };
        schema(s, "Entity").properties.tag = { $ref: "#/components/schemas/Tag" };
      },
    );
    expect(changes.map((c) => [c.rule, c.verdict, c.operations.length])).toEqual([
      ["request-property-became-required", "breaking", 2],
      ["response-property-became-required", "additive", 3],
    ]);
  });

  it("judges a property by the side it travels on: a read-only one removed is felt by responses only", () => {
    const shared = (withId: boolean) => (s: Doc) => {
      s.components.schemas.Tag = {
        type: "object",
        properties: { name: { type: "string" }, ...(withId ? { id: { type: "string", readOnly: true } } : {}) },
      };
      schema(s, "InvitationRequest").properties.tag = { $ref: "#/components/schemas/Tag" };
      schema(s, "Entity").properties.tag = { $ref: "#/components/schemas/Tag" };
    };
    expect(rules(diffPatched(shared(true), shared(false)))).toEqual(["response-property-removed"]);
    expect(rules(diffPatched(shared(false), shared(true)))).toEqual(["response-property-added"]);
  });

  it("counts an enum open only if clients already have the mark: opening it and adding a value at once breaks", () => {
    const changes = diffPatched(undefined, (s) => {
      prop(s, "Entity", "source")["x-leadconduit-open-enum"] = true;
      prop(s, "Entity", "source").enum = ["form", "seller", "other", null];
    });
    expect(rules(changes)).toEqual(["enum-marked-open", "response-enum-value-added"]);
  });

  it("tells a removal by its place in the base, with the base's line", () => {
    const [change] = diffPatched(undefined, (s) => delete schema(s, "Entity").properties.description);
    expect(change).toMatchObject({ in: "base", pointer: "/components/schemas/Entity/properties/description" });
    const line = patched(undefined).split("\n")[change!.line! - 1];
    expect(line).toMatch(/^\s+description:$/);
  });

  it("ends on a recursive schema and reports a change inside it once", () => {
    const tree = (withLimit: boolean) => (s: Doc) => {
      s.components.schemas.Node = {
        type: "object",
        properties: {
          name: { type: "string", ...(withLimit ? { maxLength: 10 } : {}) },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
        },
      };
      schema(s, "Entity").properties.tree = { $ref: "#/components/schemas/Node" };
    };
    const changes = diffPatched(tree(false), tree(true));
    expect(changes).toEqual([
      expect.objectContaining({ rule: "response-length-narrowed", message: "`Node.name`: maxLength (none) → 10" }),
    ]);
  });

  it("pairs operations by method and path whatever their path parameters are called", () => {
    const changes = diffPatched(undefined, (s) => {
      const item = s.paths["/invitations/{entityId}/resend"];
      item.put.parameters[0].name = "id";
      delete s.paths["/invitations/{entityId}/resend"];
      s.paths["/invitations/{id}/resend"] = item;
    });
    expect(rules(changes)).toEqual(["request-parameter-added-required", "request-parameter-removed"]);
  });
});

describe("what the engine cannot judge fails rather than passes", () => {
  it.each<[string, (s: Doc) => void]>([
    ["a `not` in a schema", (s) => (prop(s, "InvitationRequest", "note").not = { const: "" })],
    [
      "anyOf ↔ oneOf",
      (s) => {
        const shape = prop(s, "Entity", "shape");
        shape.anyOf = shape.oneOf;
        delete shape.oneOf;
      },
    ],
    ["server variables", (s) => (s.servers[0].variables = { region: { default: "us" } })],
    ["webhooks", (s) => (s.webhooks = { ping: { post: { responses: { 200: { description: "OK" } } } } })],
  ])("%s", (_, after) => {
    const changes = diffPatched(undefined, after);
    expect(rules(changes)).toContain("unjudged-change");
    expect(changes.find((c) => c.rule === "unjudged-change")!.verdict).toBe("breaking");
  });
});

/** A value an enum does not have yet. */
const freshValue = (values: unknown[]) => ["partner", "partner-2", "partner-3"].find((v) => !values.includes(v))!;

/** The operations of the project's spec (`METHOD /path`, in its order) with a response whose schema reaches the component. */
function answeringWith(component: string): string[] {
  const defs = spec.schemaDocument.$defs as Record<string, unknown>;
  const reaches = (node: unknown, seen: Set<string>): boolean => {
    if (node === null || typeof node !== "object") return false;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string") {
      const name = ref.split("/").at(-1)!;
      if (name === component) return true;
      if (!seen.has(name) && reaches(defs[name], seen.add(name))) return true;
    }
    return Object.values(node).some((child) => reaches(child, seen));
  };
  return spec.operations
    .filter((o) => o.responses.some((r) => Object.values(r.content).some((schema) => reaches(schema, new Set()))))
    .map((o) => `${o.method} ${o.path}`);
}

describe("the project's spec", () => {
  const text = readFileSync(PATHS.spec, "utf8");
  const edit = (patch: (s: Doc) => void) => {
    const doc = parse(text);
    patch(doc);
    return diffSpecs(parseSpec(text, "base"), parseSpec(stringify(doc), "revision"));
  };

  it("has no change against itself", () => {
    expect(diffSpecs(parseSpec(text, "a"), parseSpec(text, "b"))).toEqual([]);
  });

  it("tells a component's description edit where a $ref to it carries a description of its own", () => {
    const changes = edit((s) => {
      schema(s, "Entity").description = "A lead source or recipient.";
    });
    expect(changes).toEqual([
      expect.objectContaining({ rule: "description-changed", pointer: "/components/schemas/Entity/description" }),
    ]);
  });

  it("rates a new value of the closed Entity.connected breaking, once, for every operation whose answers carry an entity", () => {
    const changes = edit((s) =>
      prop(s, "Entity", "connected").enum.push(freshValue(prop(s, "Entity", "connected").enum)),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        rule: "response-enum-value-added",
        verdict: "breaking",
        operations: answeringWith("Entity"),
      }),
    ]);
  });

  it("rates a new value of Entity.source, which the spec marks open, additive", () => {
    const changes = edit((s) => prop(s, "Entity", "source").enum.push(freshValue(prop(s, "Entity", "source").enum)));
    expect(changes).toEqual([expect.objectContaining({ rule: "response-open-enum-value-added", verdict: "additive" })]);
  });

  it("rates an optional response property and a description edit safe", () => {
    const changes = edit((s) => {
      schema(s, "Entity").properties.note = { type: "string", description: "Free text." };
      op(s, RECIPIENT).description = "Invites a recipient.";
    });
    expect(changes.map((c) => [c.rule, c.verdict])).toEqual([
      ["response-property-added", "additive"],
      ["description-changed", "editorial"],
    ]);
  });
});

describe("documents it cannot read", () => {
  it.each([
    ["not YAML", "openapi: 3.1.0\n  - : :\n", /is not valid YAML/],
    ["not OpenAPI", "swagger: '2.0'\n", /is not an OpenAPI document/],
    ["OpenAPI 2", "openapi: 2.0.0\n", /spec:diff reads OpenAPI 3.0 and 3.1/],
    ["duplicate keys", "openapi: 3.1.0\ninfo: {}\ninfo: {}\n", /is not valid YAML/],
  ])("%s", (_, text, message) => {
    expect(() => parseSpec(text, "x.yaml")).toThrow(SpecDiffError);
    expect(() => parseSpec(text, "x.yaml")).toThrow(message);
  });

  it.each([
    ["another file", "other.yaml#/components/schemas/X", /another file; spec:diff reads one self-contained document/],
    ["nowhere", "#/components/schemas/Nope", /leads nowhere/],
  ])("a $ref to %s", (_, ref, message) => {
    const after = (s: Doc) => {
      schema(s, "InvitationRequest").properties.email = { $ref: ref };
    };
    expect(() => diffPatched(undefined, after)).toThrow(SpecDiffError);
    expect(() => diffPatched(undefined, after)).toThrow(message);
  });
});
