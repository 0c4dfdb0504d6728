// A stand-in for a server that implements the spec: a real node:http server on a loopback
// port chosen by the OS, answering from the spec itself (its examples and its request schema).
// `tamper` bends one answer, to play a server that drifted. Used by the live gate's tests and
// by the check of the `leadconduit-contract` bin from the packed tarball.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { basicAuthorization } from "../../src/auth.ts";
import { firstExample, type OperationSpec, type Spec, specValidators, successResponse } from "./spec-model.ts";

export type Kind = "valid" | "no-credentials" | "bad-body";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Context {
  operationId: string;
  kind: Kind;
  request: IncomingMessage;
}

/** Bends the conforming answer; returning nothing keeps it. */
export type Tamper = (ctx: Context, answer: Answer) => Answer | undefined;

export interface StandIn {
  url: string;
  /** every request received, in order */
  requests: { method: string; url: string; authorization?: string }[];
  tamper?: Tamper;
  close: () => Promise<void>;
}

const JSON_UTF8 = "application/json; charset=utf-8";

export function json(status: number, value: unknown): Answer {
  return { status, headers: { "content-type": JSON_UTF8 }, body: JSON.stringify(value) };
}

export function routeOf(spec: Spec, method: string, url: string): OperationSpec | undefined {
  const path = new URL(url, "http://stand-in").pathname;
  return spec.operations.find(
    (op) => op.method === method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

/** The first example of an operation's success response, a fresh copy. */
export function exampleOf(op: OperationSpec): unknown {
  return structuredClone(firstExample(successResponse(op)));
}

/** What a server keeping the spec answers, and which kind of call it took the request for. */
type ValidatorOf = ReturnType<typeof specValidators>;

function conforming(
  spec: Spec,
  validatorOf: ValidatorOf,
  apiKey: string,
  request: IncomingMessage,
  raw: string,
): { kind: Kind; answer: Answer; op?: OperationSpec } {
  const op = routeOf(spec, request.method!, request.url!);
  if (!op) return { kind: "valid", answer: json(404, { error: "not found" }) };
  if (request.headers.authorization !== basicAuthorization(apiKey)) {
    return { op, kind: "no-credentials", answer: json(401, { error: "authentication failed" }) };
  }
  if (op.body) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { op, kind: "bad-body", answer: json(422, { error: "body is not JSON" }) };
    }
    const validate = validatorOf(op.body.schema);
    if (!validate(body)) {
      const error = (validate.errors ?? []).map((e) => `${e.instancePath || "body"} ${e.message}`).join("; ");
      return { op, kind: "bad-body", answer: json(422, { error }) };
    }
  }
  return { op, kind: "valid", answer: json(200, exampleOf(op)) };
}

export async function startStandIn(spec: Spec, apiKey: string, tamper?: Tamper): Promise<StandIn> {
  const standIn: StandIn = { url: "", requests: [], ...(tamper ? { tamper } : {}), close: async () => {} };
  const validatorOf = specValidators(spec);
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { authorization } = request.headers;
    standIn.requests.push({ method: request.method!, url: request.url!, ...(authorization ? { authorization } : {}) });
    const { op, kind, answer } = conforming(spec, validatorOf, apiKey, request, Buffer.concat(chunks).toString("utf8"));
    const final = (op && standIn.tamper?.({ operationId: op.operationId, kind, request }, answer)) || answer;
    response.writeHead(final.status, final.headers).end(final.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return standIn;
}

// ---------------------------------------------------------------- drift

/** Changes the entity of one operation's answer to a valid call. */
export function entityOf(operationId: string, change: (entity: Record<string, unknown>) => void): Tamper {
  return (ctx, answer) => {
    if (ctx.operationId !== operationId || ctx.kind !== "valid") return;
    const body = JSON.parse(answer.body) as { entity: Record<string, unknown> };
    change(body.entity);
    return { ...answer, body: JSON.stringify(body) };
  };
}

/** Replaces the answer to one kind of call of one operation. */
export function when(operationId: string, kind: Kind, replace: (answer: Answer) => Answer): Tamper {
  return (ctx, answer) => (ctx.operationId === operationId && ctx.kind === kind ? replace(answer) : undefined);
}

/** A server that echoes the key it was sent, in every kind of answer the gate quotes. */
export function echoing(apiKey: string, operationId: string): Tamper {
  return (ctx, answer) => {
    const said = `key ${apiKey} header ${ctx.request.headers.authorization ?? "none"}`;
    if (ctx.operationId === operationId && ctx.kind === "valid")
      return { status: 500, headers: { "content-type": "text/plain" }, body: said };
    if (ctx.kind === "no-credentials") return json(401, { error: `authentication failed, expected ${apiKey}` });
    if (ctx.kind === "bad-body") return json(400, { error: said });
    return answer;
  };
}
