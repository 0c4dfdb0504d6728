// The API as the client sees it, generated/api.js + .d.ts: the spec's version (API_VERSION) and
// the client's typed methods. Every operation of the spec becomes a
// method of a resource (`lc.invitations.createRecipient`), with its arguments in order (path
// parameters, then the body where the spec takes one, then the query), its types taken from
// generated/leadconduit.ts by operationId, and its documentation from the spec. src/client builds
// the methods from this table; it holds no per-operation code.
//
// The naming rule, one for every operation:
// - `x-leadconduit-method: <resource>.<method>` on the operation names both;
// - else the resource is the operation's first tag in camelCase (`Invitations` → `invitations`),
//   and the method its operationId less the tag's word in the singular
//   (`createRecipientInvitation` → `createRecipient`, `resendInvitation` → `resend`), or the whole
//   operationId when that leaves nothing.
import {
  firstBodyExample,
  type OperationSpec,
  type ParameterSpec,
  requiredQuery,
  type Spec,
} from "../../../src/gate/spec-model.ts";
import { GENERATED_HEADER } from "./standalone.ts";

/** The extension that names an operation's typed method: `resource.method`. */
const METHOD_EXTENSION = "x-leadconduit-method";

/** How a method takes each part of its call. */
export interface TypedMethod {
  resource: string;
  method: string;
  operation: OperationSpec;
  /** the body argument: none, or required / optional as the spec's requestBody says */
  body: "none" | "required" | "optional";
  /** the query argument: none, or required when a query parameter is */
  query: "none" | "required" | "optional";
}

const camel = (words: string[]) =>
  words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join("");

/** `Invitations` → `Invitation`; `Entities` → `Entity`. */
const singular = (word: string) => word.replace(/ies$/, "y").replace(/s$/, "");

/** The resource and method names of an operation, by the rule above. */
function nameOf(op: OperationSpec): { resource: string; method: string } {
  const named = op.raw[METHOD_EXTENSION];
  if (typeof named === "string") {
    const match = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/.exec(named);
    if (!match)
      throw new Error(`spec: ${op.operationId}'s ${METHOD_EXTENSION} must be "resource.method", got ${named}`);
    return { resource: match[1]!, method: match[2]! };
  }
  if (!op.tag)
    throw new Error(`spec: ${op.operationId} has no tag and no ${METHOD_EXTENSION}: its typed method has no resource`);
  const words = op.tag.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const noun = singular(words.at(-1)!).toLowerCase();
  const segments = op.operationId.split(/(?=[A-Z])/);
  const kept = segments.filter((s) => s.toLowerCase() !== noun);
  const method = kept.length ? kept[0]!.toLowerCase() + kept.slice(1).join("") : op.operationId;
  return { resource: camel(words), method };
}

export function typedMethods(spec: Spec): TypedMethod[] {
  const methods = spec.operations.map((operation): TypedMethod => {
    const { resource, method } = nameOf(operation);
    const body = !operation.body ? "none" : operation.body.required ? "required" : "optional";
    const query =
      operation.queryParams.length === 0
        ? "none"
        : operation.queryParams.some((p) => p.required)
          ? "required"
          : "optional";
    return { resource, method, operation, body, query };
  });
  const seen = new Map<string, string>();
  for (const m of methods) {
    const key = `${m.resource}.${m.method}`;
    const other = seen.get(key);
    if (other)
      throw new Error(
        `spec: ${other} and ${m.operation.operationId} would both be ${key}; name one with ${METHOD_EXTENSION}`,
      );
    seen.set(key, m.operation.operationId);
  }
  return methods;
}

/** Groups methods by resource, in the spec's order. */
function byResource(methods: TypedMethod[]): Map<string, TypedMethod[]> {
  const groups = new Map<string, TypedMethod[]>();
  for (const m of methods) groups.set(m.resource, [...(groups.get(m.resource) ?? []), m]);
  return groups;
}

export function generateApi(spec: Spec, errorName: (status: number) => string): { js: string; dts: string } {
  const version = ((spec.document.info ?? {}) as { version?: string }).version ?? "";
  const groups = byResource(typedMethods(spec));
  const json = (v: unknown) => JSON.stringify(v);
  const js = [...groups].map(([resource, methods]) => {
    const entries = methods.map(
      (m) =>
        `    ${m.method}: { operationId: ${json(m.operation.operationId)}, path: ${json(m.operation.pathParams.map((p) => p.name))}, body: ${json(m.body)}, query: ${json(m.query)} },`,
    );
    return `  ${resource}: {\n${entries.join("\n")}\n  },`;
  });
  const types = [...groups].map(([resource, methods]) => {
    const tag = tagDescription(spec, methods[0]!.operation.tag);
    const members = methods.map((m) => methodDeclaration(m, errorName));
    return `${doc(tag ? tag.split("\n") : [`The ${resource} operations.`], "  ")}  readonly ${resource}: {\n${members.join("\n")}\n  };`;
  });
  return {
    js: `${GENERATED_HEADER}\nexport const API_VERSION = ${json(version)};\n\nexport const methods = {\n${js.join("\n")}\n};\n`,
    dts:
      `${GENERATED_HEADER}${DTS_HEAD}\n` +
      `/** The version of the Invitations API spec this client was generated from (the spec's \`info.version\`). */\n` +
      `export declare const API_VERSION: ${json(version)};\n\n` +
      `/** Every typed method of the client, by resource; each names its operation and its arguments, in order. */\n` +
      `export interface Methods {\n${types.join("\n")}\n}\n${DTS_TAIL}`,
  };
}

function tagDescription(spec: Spec, tag: string | undefined): string | undefined {
  const tags = (spec.document.tags ?? []) as { name: string; description?: string }[];
  return tags.find((t) => t.name === tag)?.description?.trim();
}

function methodDeclaration(m: TypedMethod, errorName: (status: number) => string): string {
  const id = m.operation.operationId;
  const args = [
    ...m.operation.pathParams.map((p) => `${safe(p.name)}: PathParameter<${json(id)}, ${json(p.name)}>`),
    ...(m.body === "none" ? [] : [`body${m.body === "optional" ? "?" : ""}: RequestBody<${json(id)}>`]),
    ...(m.query === "none" ? [] : [`query${m.query === "optional" ? "?" : ""}: QueryParameters<${json(id)}>`]),
  ];
  return [
    doc(methodDoc(m, errorName), "    "),
    `    readonly ${m.method}: {\n`,
    `      readonly operationId: ${json(id)};\n`,
    `      readonly args: [${args.join(", ")}];\n`,
    "    };",
  ].join("");
}

const json = (v: unknown) => JSON.stringify(v);

/** A parameter name as a tuple label (a name that is not an identifier gets a safe one). */
const safe = (name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name)
    ? name
    : name.replace(/\W+(.)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, "");

/** The documentation of a method: what it does, its arguments, what it returns, what it throws. */
function methodDoc(m: TypedMethod, errorName: (status: number) => string): string[] {
  const op = m.operation;
  const lines = [`${op.summary ?? op.operationId}: \`${op.method} ${op.path}\`.`];
  if (op.description) lines.push("", ...op.description.trim().split("\n"));
  for (const p of op.pathParams)
    lines.push(`@param ${safe(p.name)} ${oneLine(p.description) ?? `the \`${p.name}\` path parameter`}`);
  if (m.body !== "none") lines.push(`@param body ${oneLine(op.body?.description) ?? "the request body"}`);
  if (m.query !== "none") lines.push(`@param query ${queryDoc(op.queryParams)}`);
  lines.push("@param options this call's options (`timeoutMs`, `maxRetries`, `signal`, …), over the client's");
  const success = op.responses.find((r) => /^2\d\d$/.test(r.status));
  if (success) lines.push(`@returns ${success.status}: ${oneLine(success.description)}`);
  lines.push(...throwsDoc(op, errorName));
  const external = (op.raw.externalDocs as { url?: string } | undefined)?.url;
  if (external) lines.push(`@see ${external}`);
  lines.push("@example", exampleCall(m));
  return lines;
}

function queryDoc(params: ParameterSpec[]): string {
  return params
    .map((p) => `\`${p.name}\`${p.required ? "" : " (optional)"}: ${oneLine(p.description) ?? "no description"}`)
    .join("; ");
}

function throwsDoc(op: OperationSpec, errorName: (status: number) => string): string[] {
  const refusable = op.body !== undefined || op.pathParams.length > 0 || op.queryParams.length > 0;
  const lines = refusable ? ["@throws {ValidationError} the input breaks the spec; nothing was sent"] : [];
  for (const r of op.responses.filter((r) => /^[45]\d\d$/.test(r.status))) {
    lines.push(`@throws {${errorName(Number(r.status))}} ${r.status}: ${oneLine(r.description)}`);
  }
  lines.push(
    "@throws {APIError} any other status that is not 2xx (a subclass names the common ones)",
    "@throws {ConnectionError} no answer: the connection failed, or an attempt timed out (`TimeoutError`)",
  );
  return lines;
}

/** A call of the method with the spec's examples, as a user would write it. */
function exampleCall(m: TypedMethod): string {
  const op = m.operation;
  const required = requiredQuery(op);
  const args = [
    ...op.pathParams.map((p) => literal(p.example ?? `<${p.name}>`)),
    ...(m.body === "none" ? [] : [literal(firstBodyExample(op) ?? {})]),
    ...(m.query === "required"
      ? [literal(Object.fromEntries(required.map((p) => [p.name, p.example ?? `<${p.name}>`])))]
      : []),
  ];
  return `const result = await lc.${m.resource}.${m.method}(${args.join(", ")});`;
}

/** A value as a person writes it in TypeScript: `{ email: "a@example.com" }`. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : json(k)}: ${literal(v)}`,
    );
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  return json(value);
}

const oneLine = (text: string | undefined) => text?.replace(/\s+/g, " ").trim() || undefined;

/** A JSDoc comment of these lines, at this indent. */
function doc(lines: string[], indent: string): string {
  const body = lines.map((l) => l.replaceAll("*/", "*\\/")).map((l) => `${indent} *${l ? ` ${l}` : ""}`);
  return `${indent}/**\n${body.join("\n")}\n${indent} */\n`;
}

const DTS_HEAD = `
import type { operations as Operations } from "./leadconduit.js";
import type { OperationId } from "./validators.js";

/** A path parameter of an operation, as a typed method takes it. */
export type PathParameter<K extends OperationId, N extends string> = Operations[K]["parameters"] extends {
  path: infer P;
}
  ? N extends keyof P
    ? P[N]
    : never
  : never;
/** The JSON request body an operation takes. */
export type RequestBody<K extends OperationId> = Operations[K]["requestBody"] extends {
  content: { "application/json": infer T };
}
  ? T
  : never;
/** The query parameters an operation takes, as one object. */
export type QueryParameters<K extends OperationId> = NonNullable<Operations[K]["parameters"]["query"]>;
`;

const DTS_TAIL = `
/** How a method's call is made: its operation, its path parameters in order, whether it takes a body and a query. */
export interface MethodSpec {
  readonly operationId: OperationId;
  readonly path: readonly string[];
  readonly body: "none" | "required" | "optional";
  readonly query: "none" | "required" | "optional";
}
export declare const methods: { readonly [R in keyof Methods]: { readonly [M in keyof Methods[R]]: MethodSpec } };
`;
