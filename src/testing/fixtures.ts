// Fixtures for the tests of apps that use the client: the spec's own example entity and answer,
// copied fresh on each call, with overrides checked against the spec (formats, patterns and
// enums included), so a fixture cannot drift from what the API sends.
import { schemas } from "../../generated/testing.js";
import type { Entity, InvitationResponse } from "../client/index.js";
import { describeViolations, violationsOf } from "../client/violations.js";
import { successExample } from "./entities.js";
import { LeadConduitMockError } from "./errors.js";

/** Entity fields to set; `undefined` removes an optional field. */
export type EntityOverrides = { -readonly [K in keyof Entity]?: Entity[K] | undefined };
/** An answer's fields to set; `entity` is merged into the example entity. */
export interface InvitationResponseOverrides {
  /** The outcome message, e.g. `Invitation was sent successfully`. */
  message?: string | undefined;
  /** Entity fields to set, merged into the example entity (a whole `makeEntity()` works too). */
  entity?: EntityOverrides | undefined;
}

// the first operation's documented answer: a pending recipient entity
const FIRST_OPERATION = "createRecipientInvitation";

function assertObject(overrides: unknown, caller: string): void {
  if (overrides !== undefined && (overrides === null || typeof overrides !== "object" || Array.isArray(overrides))) {
    throw new LeadConduitMockError(`${caller}: overrides must be an object`);
  }
}

function applyOverrides<T extends object>(base: T, overrides: object | undefined, caller: string): T {
  assertObject(overrides, caller);
  if (overrides === undefined) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else out[key] = structuredClone(value);
  }
  return out as T;
}

function assertValid<T>(
  check: ((value: unknown) => value is T) & { errors?: unknown },
  value: unknown,
  caller: string,
): T {
  if (check(value)) return value;
  const violations = violationsOf((check as { errors?: Parameters<typeof violationsOf>[0] }).errors);
  throw new LeadConduitMockError(
    `${caller}: the overrides break the spec: ${describeViolations(violations)}`,
    violations,
  );
}

/**
 * A valid Entity: the spec's example (a pending recipient), with `overrides` applied.
 * @example makeEntity({ name: "Acme Leads", pending: false })
 * @throws {LeadConduitMockError} an override breaks the spec (`violations` names the path, e.g. `/id`)
 */
export function makeEntity(overrides?: EntityOverrides): Entity {
  const entity = applyOverrides(successExample(FIRST_OPERATION).entity, overrides, "makeEntity");
  return assertValid(schemas.Entity, entity, "makeEntity");
}

/**
 * A valid answer of the Invitations operations: the spec's example, with `overrides` applied
 * (`entity` merged into the example entity).
 * @example makeInvitationResponse({ entity: { pending: false } })
 * @throws {LeadConduitMockError} an override breaks the spec (`violations` names the path, e.g. `/entity/id`)
 */
export function makeInvitationResponse(overrides?: InvitationResponseOverrides): InvitationResponse {
  const caller = "makeInvitationResponse";
  const example = successExample(FIRST_OPERATION);
  assertObject(overrides, caller);
  const { entity, ...rest } = overrides ?? {};
  const response = applyOverrides(example, rest, caller);
  if (entity !== undefined) response.entity = applyOverrides(example.entity, entity, `${caller} (entity)`);
  return assertValid(schemas.InvitationResponse, response, caller);
}
