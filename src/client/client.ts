// createLeadConduitClient: the typed methods, one per operation of the spec, built from the table
// that generated/api.js holds (names, arguments, documentation: scripts/lib/generate/methods.ts),
// and `raw`, the openapi-fetch client with auth. No per-operation code here: the machinery only.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { type MethodSpec, type Methods, methods } from "../../generated/api.js";
import type { paths } from "../../generated/leadconduit.js";
import { type OperationId, routes } from "../../generated/validators.js";
import { authorizer, basicAuthorization, secretsOf } from "./auth.js";
import { type ClientOptions, type RequestOptions, resolveClientOptions } from "./options.js";
import { type CallContext, call } from "./request.js";
import type { Sender, Transport } from "./send.js";
import { assertSecureTransport } from "./transport.js";
import type { ResponseBody } from "./types.js";
import { USER_AGENT, userAgentAllowed } from "./user-agent.js";
import type { CallInput } from "./validation.js";

/** A typed method: its operation's arguments in order (path parameters, body, query), then this call's options. */
export type TypedMethod<S> = S extends { operationId: infer K extends OperationId; args: infer A extends unknown[] }
  ? (...args: [...A, options?: RequestOptions]) => Promise<ResponseBody<K>>
  : never;

/** Every resource of the API and its typed methods, each documented from the spec (generated/api.d.ts). */
export type Resources = {
  readonly [R in keyof Methods]: { readonly [M in keyof Methods[R]]: TypedMethod<Methods[R][M]> };
};

/** The typed methods of one resource, e.g. `Resource<"invitations">`. */
export type Resource<R extends keyof Methods> = Resources[R];

/** The Invitations operations, typed from the spec. */
export type InvitationsResource = Resource<"invitations">;

/** What `createLeadConduitClient` returns: a resource per tag of the spec, and `raw`. */
export interface LeadConduitClient extends Resources {
  /**
   * The openapi-fetch client underneath, with authentication (and the HTTPS check) only: no
   * retries, timeout or validation, and failures come back as `{ error, response }` instead of
   * being thrown. Middleware added with `raw.use()` also applies to the typed methods; it never
   * sees the Authorization header, which is added after it.
   * @example const { data, error, response } = await lc.raw.POST("/invitations/recipient", { body: { email } });
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client of LeadConduit's Invitations API.
 * @param options the API key (default: `LEADCONDUIT_API_KEY`), server, timeouts, retries, validation
 * @throws {ConfigurationError} no API key, a bad `baseUrl`, or plain HTTP to a host other than loopback
 * @example
 * const lc = createLeadConduitClient({ apiKey: process.env.LEADCONDUIT_API_KEY });
 * const { entity } = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
 */
export function createLeadConduitClient(options: ClientOptions = {}): LeadConduitClient {
  const config = resolveClientOptions(options);
  // Fail at construction, not at the first call, when the key would go out in clear text.
  assertSecureTransport(config.baseUrl, config.allowInsecureHttp);
  const authorization = basicAuthorization(config.apiKey);
  const userAgent = userAgentAllowed() ? USER_AGENT : undefined;
  const authorize = authorizer(authorization, config.allowInsecureHttp, config.baseUrl, userAgent);
  // called unbound: browsers throw "Illegal invocation" for fetch with another `this`
  const { fetch } = config;
  const { raw, hasMiddleware } = countingMiddleware(
    createClient<paths>({ baseUrl: config.baseUrl, fetch: (request: Request) => fetch(authorize(request)) }),
  );
  const transport: Transport = {
    baseUrl: config.baseUrl,
    fetch,
    authorization,
    userAgent,
    authorize,
    viaMiddleware: hasMiddleware,
    secrets: secretsOf(config.apiKey),
  };
  const ctx: CallContext = { transport, defaults: config.defaults };
  const resources = Object.fromEntries(
    Object.entries(methods).map(([name, resource]) => [
      name,
      Object.freeze(
        Object.fromEntries(Object.entries(resource).map(([method, spec]) => [method, typedMethod(ctx, raw, spec)])),
      ),
    ]),
  );
  return Object.freeze({ ...resources, raw }) as LeadConduitClient;
}

/** One typed method: takes its arguments by position as the spec's table says, and calls its operation. */
function typedMethod(ctx: CallContext, raw: Client<paths>, spec: MethodSpec) {
  const { method, path } = routes[spec.operationId];
  const request = raw.request as (method: string, path: string, init: object) => ReturnType<Sender>;
  // the same call through openapi-fetch, for when middleware is registered on `raw`
  const send: Sender = (input, init) =>
    request(method.toLowerCase(), path, {
      params: { path: input.path, query: input.query },
      ...(input.body === undefined ? {} : { body: input.body }),
      ...init,
    });
  return (...args: unknown[]) => {
    const { input, options } = inputOf(spec, args);
    return call(ctx, spec.operationId, input, send, options);
  };
}

/** A typed method's arguments as a call's input: path parameters, then the body, then the query, then options. */
function inputOf(spec: MethodSpec, args: unknown[]): { input: CallInput; options: RequestOptions | undefined } {
  let at = 0;
  const input: CallInput = {};
  if (spec.path.length) {
    const path: Record<string, unknown> = {};
    for (const name of spec.path) path[name] = args[at++];
    input.path = path;
  }
  if (spec.body !== "none") input.body = args[at++];
  if (spec.query !== "none") {
    const query = args[at++] as Record<string, unknown> | undefined;
    if (query !== undefined) input.query = query;
  }
  return { input, options: args[at] as RequestOptions | undefined };
}

/**
 * `raw`: openapi-fetch's client, its `use` and `eject` also keeping the list of the middleware
 * registered, as openapi-fetch keeps it (the same middleware twice is there twice until ejected
 * twice). While there is some, typed calls go through openapi-fetch so that it runs for them too;
 * without, they go straight to fetch (send.ts), which per call is most of what they cost less.
 */
function countingMiddleware(client: Client<paths>): { raw: Client<paths>; hasMiddleware: () => boolean } {
  const registered: Middleware[] = [];
  const raw: Client<paths> = {
    ...client,
    use: (...added) => {
      client.use(...added);
      registered.push(...added);
    },
    eject: (...removed) => {
      client.eject(...removed);
      for (const m of removed) if (registered.includes(m)) registered.splice(registered.indexOf(m), 1);
    },
  };
  return { raw, hasMiddleware: () => registered.length > 0 };
}
