// The answer the API gives when nothing is scripted: the spec's example for the operation's first
// documented 2xx, about the right entity when the answer carries one. A create (a POST with no
// path parameter) makes an entity with fresh ids, counted up so runs are deterministic, and
// answers the same entity to the same request again, as the API answers an invitation that already
// exists; an operation on an entity's id answers about that entity. An answer that carries no
// entity is the example as it is; a success without content, nothing.
import { operations } from "../../generated/testing.js";
import type { OperationId, SuccessBody } from "../../generated/validators.js";
import { successResponse } from "./documented.js";

/** What the store keeps of an entity: its ids; the rest is the example's. */
type Entity = { id: string; invitation_id?: string | null } & Record<string, unknown>;

/** 24 hexadecimal characters: an 8-digit tag (ASCII "mock" / "invi") and a 16-digit counter. */
const ENTITY_TAG = "6d6f636b";
const INVITATION_TAG = "696e7669";
const freshId = (tag: string, n: number) => `${tag}${n.toString(16).padStart(16, "0")}`;

/** The spec's first 2xx example of an operation (a fresh copy). */
export function successExample<K extends OperationId>(operationId: K): SuccessBody<K> {
  const example = successResponse(operationId)?.example;
  if (example === undefined) throw new Error(`the spec gives no 2xx example for ${operationId}`);
  return structuredClone(example) as SuccessBody<K>;
}

/** The answer's entity, when it is the envelope that carries one. */
const entityOf = (example: unknown): Entity | undefined => {
  const entity = (example as { entity?: unknown } | null)?.entity;
  return entity !== null && typeof entity === "object" && typeof (entity as Entity).id === "string"
    ? (entity as Entity)
    : undefined;
};

export interface EntityStore {
  /** The usual answer's body; undefined for a success the spec documents without content. */
  answer(operationId: OperationId, pathParams: Record<string, string>, body: unknown): unknown;
  reset(): void;
}

export function createEntityStore(): EntityStore {
  let created = 0;
  const byRequest = new Map<string, Entity>();
  const byId = new Map<string, Entity>();
  const create = (operationId: OperationId, template: Entity, body: unknown): Entity => {
    const key = `${operationId} ${JSON.stringify(body)}`;
    const known = byRequest.get(key);
    if (known) return known;
    created++;
    const entity: Entity = { ...template, id: freshId(ENTITY_TAG, created) };
    if (template.invitation_id != null) entity.invitation_id = freshId(INVITATION_TAG, created);
    byRequest.set(key, entity);
    byId.set(entity.id, entity);
    return entity;
  };
  return {
    answer(operationId, pathParams, body) {
      if (successResponse(operationId)?.contentType === undefined) return undefined;
      // an envelope when it carries an entity: the union of every success body does not say so
      const example: unknown = successExample(operationId);
      const template = entityOf(example);
      if (template === undefined) return example;
      const op = operations[operationId];
      const [idParam] = Object.keys(op.pathParams);
      let entity: Entity;
      if (idParam !== undefined) {
        const id = pathParams[idParam]!;
        entity = byId.get(id) ?? { ...template, id };
      } else if (op.method === "POST") {
        entity = create(operationId, template, body);
      } else {
        entity = template;
      }
      return { ...(example as object), entity: structuredClone(entity) };
    },
    reset() {
      created = 0;
      byRequest.clear();
      byId.clear();
    },
  };
}
