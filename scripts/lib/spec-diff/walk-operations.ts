// The operations of both documents, paired by method and path (a path parameter renamed is the
// same URL), and what a client sends to each (parameters, body) and gets back (statuses,
// headers, media types); schemas go to walk-schema.ts on the side they are met.

import { METHODS } from "../../../src/gate/spec-model.ts";
import { compareCommon, compareDocs, compareRest, isExtension } from "./annotations.ts";
import type { DiffContext } from "./changes.ts";
import { childPointer, isObject, type JsonObject, type Resolved, resolve, type SpecDocument } from "./document.ts";
import { type OperationAt, operationsOf } from "./operations.ts";
import { compareContent } from "./walk-content.ts";
import { compareSecurity, compareServers } from "./walk-security.ts";

const PATH_ITEM_KEYS: ReadonlySet<string> = new Set([...METHODS, "parameters", "servers"]);
const OPERATION_KEYS: ReadonlySet<string> = new Set([
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "security",
  "servers",
]);

export function compareOperations(ctx: DiffContext): void {
  const before = operationsOf(ctx.before);
  const after = operationsOf(ctx.after);
  const paths = new Map<string, [Resolved, Resolved]>();
  for (const [key, b] of before) {
    const a = after.get(key);
    if (a) paths.set(key.slice(key.indexOf(" ") + 1), [b.pathItem, a.pathItem]);
    if (a) continue;
    const at = { ...ctx, side: "request" as const, operation: b.label };
    ctx.out.add(at, "operation-removed", b.op.place, `operation removed${opId(b)}`, "base");
  }
  for (const [key, a] of after) {
    const b = before.get(key);
    const at = { ...ctx, side: "request" as const, operation: a.label };
    if (b) compareOperation(at, b, a);
    else ctx.out.add(at, "operation-added", a.op.place, `new operation${opId(a)}`);
  }
  // what a path item says for all its operations, once per path
  for (const [b, a] of paths.values()) {
    compareDocs(ctx, b, a);
    compareRest(ctx, b, a, PATH_ITEM_KEYS);
  }
}

const opId = (o: OperationAt) => (typeof o.op.node.operationId === "string" ? ` (${o.op.node.operationId})` : "");

function compareOperation(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const [was, is] = [b.op.node.operationId, a.op.node.operationId];
  if (was !== is)
    ctx.out.add(ctx, "operation-id-changed", a.op.placeOf("operationId"), `operationId ${String(was)} → ${String(is)}`);
  compareCommon(ctx, b.op, a.op, OPERATION_KEYS);
  compareParameters(ctx, b, a);
  compareRequestBody(ctx, b, a);
  compareResponses({ ...ctx, side: "response" }, b, a);
  compareSecurity(ctx, b, a);
  compareServers({ ...ctx, side: "document" }, b, a);
}

// ------------------------------------------------------------------ parameters

interface Parameter {
  param: Resolved;
  in: string;
  name: string;
}

/** The parameters an operation takes: its path item's, overridden by its own (same `in` and name). */
function parametersOf(doc: SpecDocument, o: OperationAt): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const owner of [o.pathItem, o.op]) {
    const list = owner.node.parameters;
    if (!Array.isArray(list)) continue;
    const at = owner.placeOf("parameters");
    list.forEach((p, i) => {
      const param = resolve(doc, p, { pointer: `${at.pointer}/${i}`, label: "" });
      const where = String(param.node.in);
      const name = String(param.node.name);
      const label = `${where} parameter ${name}`;
      const relabelled = {
        ...param,
        place: { ...param.place, label },
        placeOf: (k: string) => ({ ...param.placeOf(k), label }),
      };
      out.set(`${where}:${where === "header" ? name.toLowerCase() : name}`, { param: relabelled, in: where, name });
    });
  }
  return out;
}

const PARAMETER_KEYS: ReadonlySet<string> = new Set([
  "name",
  "in",
  "required",
  "schema",
  "content",
  "style",
  "explode",
  "allowReserved",
  "allowEmptyValue",
]);

function compareParameters(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const before = parametersOf(ctx.before, b);
  const after = parametersOf(ctx.after, a);
  for (const [key, p] of before) {
    if (!after.has(key)) ctx.out.add(ctx, "request-parameter-removed", p.param.place, "parameter removed", "base");
  }
  for (const [key, p] of after) {
    const was = before.get(key);
    const required = isRequired(p);
    if (!was) {
      const rule = required ? "request-parameter-added-required" : "request-parameter-added-optional";
      ctx.out.add(ctx, rule, p.param.place, `new ${required ? "required" : "optional"} parameter`);
      continue;
    }
    if (isRequired(was) !== required) {
      const rule = required ? "request-parameter-became-required" : "request-parameter-became-optional";
      ctx.out.add(ctx, rule, p.param.placeOf("required"), required ? "now required" : "now optional");
    }
    compareSerialization(ctx, was, p);
    compareCommon(ctx, was.param, p.param, PARAMETER_KEYS);
    compareContent(ctx, was.param, p.param, { schemaOnly: true });
  }
}

const isRequired = (p: Parameter) => p.in === "path" || p.param.node.required === true;

/** How the value is written on the wire, with OpenAPI's defaults filled in. */
function serialization(p: Parameter): JsonObject {
  const node = p.param.node;
  const style = (node.style as string | undefined) ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  const carrier =
    "content" in node ? `content ${Object.keys(isObject(node.content) ? node.content : {}).join(",")}` : "schema";
  return {
    style,
    explode: (node.explode as boolean | undefined) ?? style === "form",
    allowReserved: node.allowReserved === true,
    allowEmptyValue: node.allowEmptyValue === true,
    carrier,
  };
}

function compareSerialization(ctx: DiffContext, b: Parameter, a: Parameter): void {
  const [was, is] = [serialization(b), serialization(a)];
  const moved = Object.keys(was).filter((k) => was[k] !== is[k]);
  if (!moved.length) return;
  const what = moved.map((k) => `${k} ${String(was[k])} → ${String(is[k])}`).join(", ");
  ctx.out.add(
    ctx,
    "request-parameter-serialization-changed",
    a.param.placeOf(moved[0] === "carrier" ? "content" : moved[0]!),
    what,
  );
}

// ------------------------------------------------------------------ request body

const BODY_KEYS: ReadonlySet<string> = new Set(["content", "required"]);

function compareRequestBody(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const [had, has] = ["requestBody" in b.op.node, "requestBody" in a.op.node];
  const label = "request body";
  const bodyOf = (doc: SpecDocument, o: OperationAt) => {
    const at = o.op.placeOf("requestBody");
    return resolve(doc, o.op.node.requestBody, { ...at, label: `${o.label} ${label}` });
  };
  if (!had && !has) return;
  if (!has) {
    ctx.out.add(ctx, "request-body-removed", b.op.placeOf("requestBody"), "request body removed", "base");
    return;
  }
  const body = bodyOf(ctx.after, a);
  const required = body.node.required === true;
  if (!had) {
    const rule = required ? "request-body-added-required" : "request-body-added-optional";
    ctx.out.add(ctx, rule, body.place, `new ${required ? "required" : "optional"} request body`);
    return;
  }
  const was = bodyOf(ctx.before, b);
  if ((was.node.required === true) !== required) {
    const rule = required ? "request-body-became-required" : "request-body-became-optional";
    ctx.out.add(
      ctx,
      rule,
      body.placeOf("required"),
      required ? "request body now required" : "request body now optional",
    );
  }
  compareCommon(ctx, was, body, BODY_KEYS);
  compareContent(ctx, was, body, {});
}

// ------------------------------------------------------------------ responses

const RESPONSE_KEYS: ReadonlySet<string> = new Set(["content", "headers"]);
const HEADER_KEYS: ReadonlySet<string> = new Set(["required", "schema", "content", "style", "explode"]);

function compareResponses(ctx: DiffContext, b: OperationAt, a: OperationAt): void {
  const [was, is] = [b.op.node.responses, a.op.node.responses];
  const before = isObject(was) ? was : {};
  const after = isObject(is) ? is : {};
  for (const status of Object.keys(before)) {
    if (status in after || isExtension(status)) continue;
    ctx.out.add(ctx, "response-status-removed", statusPlace(b, status, b.label), `response ${status} removed`, "base");
  }
  for (const status of Object.keys(after)) {
    if (isExtension(status)) continue;
    if (!(status in before)) {
      const success = /^2/.test(status);
      const rule = success ? "response-success-status-added" : "response-error-status-added";
      ctx.out.add(
        ctx,
        rule,
        statusPlace(a, status, a.label),
        `new ${success ? "success" : "error"} response ${status}`,
      );
      continue;
    }
    const bs = resolve(ctx.before, before[status], statusPlace(b, status));
    const as = resolve(ctx.after, after[status], statusPlace(a, status));
    compareCommon(ctx, bs, as, RESPONSE_KEYS);
    compareHeaders(ctx, bs, as);
    compareContent(ctx, bs, as, {});
  }
  const keyed = (o: OperationAt, node: JsonObject) => ({ node, placeOf: (k: string) => statusPlace(o, k) });
  compareDocs(ctx, keyed(b, before), keyed(a, after));
}

function statusPlace(o: OperationAt, status: string, label = `${o.label} ${status}`) {
  return { pointer: childPointer(o.op.placeOf("responses").pointer, status), label };
}

function headersOf(doc: SpecDocument, response: Resolved): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  const headers = response.node.headers;
  if (!isObject(headers)) return out;
  for (const name of Object.keys(headers)) {
    const at = childPointer(response.placeOf("headers").pointer, name);
    out.set(
      name.toLowerCase(),
      resolve(doc, headers[name], { pointer: at, label: `${response.place.label} header ${name}` }),
    );
  }
  return out;
}

function compareHeaders(ctx: DiffContext, b: Resolved, a: Resolved): void {
  const [before, after] = [headersOf(ctx.before, b), headersOf(ctx.after, a)];
  for (const [name, h] of before) {
    if (!after.has(name)) ctx.out.add(ctx, "response-header-removed", h.place, "header removed", "base");
  }
  for (const [name, h] of after) {
    const was = before.get(name);
    if (!was) {
      ctx.out.add(ctx, "response-header-added", h.place, "new header");
      continue;
    }
    const [req, requires] = [was.node.required === true, h.node.required === true];
    if (req !== requires) {
      const rule = requires ? "response-header-became-required" : "response-header-became-optional";
      ctx.out.add(ctx, rule, h.placeOf("required"), requires ? "now required" : "now optional");
    }
    compareCommon(ctx, was, h, HEADER_KEYS);
    compareContent(ctx, was, h, { schemaOnly: true });
  }
}
