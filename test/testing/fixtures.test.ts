// Fixtures are valid by construction (checked here by Ajv compiled from the spec file), built
// from the spec's example, fresh on each call; an override that breaks the spec throws, naming
// the path.
import { describe, expect, it } from "vitest";
import { firstExample, successResponse } from "../../contract-tests/lib/spec.ts";
import { type Entity, LeadConduitMockError, makeEntity, makeInvitationResponse } from "../../src/testing/index.ts";
import { operation, schemaErrors } from "../support/kit.ts";

const EXAMPLE = firstExample(successResponse(operation("createRecipientInvitation"))) as {
  message: string;
  entity: Entity;
};

function thrown(fn: () => unknown): LeadConduitMockError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LeadConduitMockError);
    return error as LeadConduitMockError;
  }
  throw new Error("expected a throw");
}

describe("makeEntity", () => {
  it("is the spec's example entity, valid against the Entity schema", () => {
    const entity = makeEntity();
    expect(entity).toEqual(EXAMPLE.entity);
    expect(schemaErrors("Entity", entity)).toEqual([]);
  });

  it("applies overrides; undefined removes an optional field", () => {
    const entity = makeEntity({
      name: "Acme Leads",
      pending: false,
      source: null,
      description: undefined,
      flow_ids: [],
    });
    expect(entity).toMatchObject({ name: "Acme Leads", pending: false, source: null, flow_ids: [] });
    expect("description" in entity).toBe(false);
    expect(schemaErrors("Entity", entity)).toEqual([]);
  });

  it("returns a fresh copy each time, and copies the overrides", () => {
    const ids = ["5fd4371e940df5a34a3888b2"];
    const a = makeEntity({ flow_ids: ids });
    ids.push("x");
    (a.module_ids as string[]).push("changed");
    expect(makeEntity().module_ids).toEqual(EXAMPLE.entity.module_ids);
    expect(a.flow_ids).toEqual(["5fd4371e940df5a34a3888b2"]);
  });

  it.each([
    ["an id that is not a BSON id", { id: "42" }, "/id", 'must match pattern "^[0-9a-fA-F]{24}$"'],
    [
      "a source outside the enum",
      { source: "magic" as never },
      "/source",
      "must be equal to one of the allowed values",
    ],
    ["a required field removed", { name: undefined }, "/name", "must have required property 'name'"],
    ["a field_suffix too long", { field_suffix: "toolong" }, "/field_suffix", "must NOT have more than 5 characters"],
    ["a logo_url that is not a URI", { logo_url: "not a uri" }, "/logo_url", 'must match format "uri"'],
    [
      "a created_at that is not a date-time",
      { created_at: "yesterday" },
      "/created_at",
      'must match format "date-time"',
    ],
  ])("refuses %s, naming the path", (_name, overrides, path, message) => {
    const error = thrown(() => makeEntity(overrides as never));
    expect(error.violations).toContainEqual(expect.objectContaining({ path, message }));
    expect(error.message).toContain(`makeEntity: the overrides break the spec: ${path} ${message}`);
  });

  it("refuses overrides that are not an object", () => {
    expect(thrown(() => makeEntity("x" as never)).message).toBe("makeEntity: overrides must be an object");
    expect(thrown(() => makeEntity([] as never)).message).toBe("makeEntity: overrides must be an object");
  });
});

describe("makeInvitationResponse", () => {
  it("is the spec's example answer, valid against InvitationResponse", () => {
    const response = makeInvitationResponse();
    expect(response).toEqual(EXAMPLE);
    expect(schemaErrors("InvitationResponse", response)).toEqual([]);
  });

  it("merges entity overrides into the example entity", () => {
    const response = makeInvitationResponse({
      message: "Invitation was resent",
      entity: { pending: false, expired: true },
    });
    expect(response.message).toBe("Invitation was resent");
    expect(response.entity).toEqual({ ...EXAMPLE.entity, pending: false, expired: true });
    expect(schemaErrors("InvitationResponse", response)).toEqual([]);
  });

  it("refuses an override that breaks the spec, naming the path", () => {
    const error = thrown(() => makeInvitationResponse({ entity: { id: "nope" } }));
    expect(error.violations).toEqual([
      { path: "/entity/id", message: 'must match pattern "^[0-9a-fA-F]{24}$"', keyword: "pattern" },
    ]);
    expect(thrown(() => makeInvitationResponse({ message: 5 as never })).violations).toEqual([
      { path: "/message", message: "must be string", keyword: "type" },
    ]);
    expect(thrown(() => makeInvitationResponse({ entity: "x" as never })).message).toBe(
      "makeInvitationResponse (entity): overrides must be an object",
    );
    expect(thrown(() => makeInvitationResponse(null as never)).message).toBe(
      "makeInvitationResponse: overrides must be an object",
    );
  });
});
