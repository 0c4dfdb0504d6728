// How one attempt goes out and what comes back: the response and its body as text. A typed call
// goes straight to `fetch(url, init)` unless middleware is registered on `raw`: openapi-fetch
// builds a Request (its body a stream) that fetch then copies into a second one, most of what
// a call costs over loopback. With middleware, the call goes through openapi-fetch, so the
// middleware runs for it as for `raw`.
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { type OperationId, routes } from "../../generated/validators.js";
import { ConfigurationError, type RedactedRequest, ValidationError } from "./errors.js";
import { redactRequest } from "./redact.js";
import type { CallInput } from "./validation.js";

/** A fetch as the client calls it: a URL and init (typed calls), or a Request (`raw`, middleware). */
type Fetch = (input: string | Request, init?: RequestInit) => Promise<Response>;

/** What openapi-fetch is asked to do for one attempt: read the body as text, send with this fetch. */
interface SendInit {
  parseAs: "text";
  fetch: (request: Request) => Promise<Response>;
}
/** Sends a call's input through the openapi-fetch client, by its operation's path and method. */
export type Sender = (
  input: CallInput,
  init: SendInit,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export interface Transport {
  baseUrl: string;
  fetch: Fetch;
  /** the header value built from the key */
  authorization: string;
  /** the User-Agent every request carries, where the runtime lets the client set one */
  userAgent: string | undefined;
  /** checks the transport and copies a Request with the Authorization header, last thing before fetch */
  authorize: (request: Request) => Request;
  /** true while middleware is registered on `raw` */
  viaMiddleware: () => boolean;
  secrets: readonly string[];
}

/** One attempt in flight: what was sent (once it was), and what came back. */
export interface Exchange {
  /** the request as an error may show it; undefined until the request could be built */
  sent?: () => RedactedRequest;
  /** true from the moment fetch is called until the body is read: a failure then is the network's */
  inFlight?: boolean;
  response?: Response;
  text?: string;
}

/** Sends the call once; fills `exchange` as it goes, so a failure can say how far it got. */
export function sendOnce(
  transport: Transport,
  operationId: OperationId,
  input: CallInput,
  send: Sender,
  signal: AbortSignal,
  exchange: Exchange,
): Promise<void> {
  // a body JSON cannot hold (a BigInt) is refused here, the same way on both paths
  const body = input.body === undefined ? undefined : serialise(input.body);
  return transport.viaMiddleware()
    ? throughOpenapiFetch(transport, (init) => send(input, init), signal, exchange)
    : direct(transport, operationId, { path: input.path, query: input.query, body }, signal, exchange);
}

function serialise(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (cause) {
    throw new ValidationError(
      `Could not build the request: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        attempts: 0,
        cause,
      },
    );
  }
}

// openapi-fetch's own serializers, so a call sent directly has the URL it has through openapi-fetch
const querySerializer = createQuerySerializer();

async function direct(
  t: Transport,
  operationId: OperationId,
  input: {
    path: Record<string, unknown> | undefined;
    query: Record<string, unknown> | undefined;
    body: string | undefined;
  },
  signal: AbortSignal,
  exchange: Exchange,
) {
  const { method, path } = routes[operationId];
  const params = { path: input.path, query: input.query };
  const url = createFinalURL(path, {
    baseUrl: t.baseUrl,
    params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  const { body } = input;
  const headers: Record<string, string> = { authorization: t.authorization };
  if (t.userAgent !== undefined) headers["user-agent"] = t.userAgent;
  if (body !== undefined) headers["content-type"] = "application/json";
  exchange.sent = () => redactRequest({ method, url, headers }, t.secrets);
  exchange.inFlight = true;
  // called unbound: browsers throw "Illegal invocation" for fetch with another `this`
  const { fetch } = t;
  const response = responseOf(
    await fetch(url, body === undefined ? { method, headers, signal } : { method, headers, body, signal }),
  );
  exchange.response = response;
  exchange.text = await response.text();
  exchange.inFlight = false;
}

async function throughOpenapiFetch(
  t: Transport,
  send: (init: SendInit) => ReturnType<Sender>,
  signal: AbortSignal,
  exchange: Exchange,
) {
  let received: { response: Response; text: string } | undefined;
  const fetchOnce = async (request: Request) => {
    const authorized = t.authorize(request);
    exchange.sent = () => redactRequest(authorized, t.secrets);
    exchange.inFlight = true;
    const { fetch } = t;
    const response = responseOf(await fetch(authorized, { signal }));
    // read here, so the answer keeps its body exactly as the server sent it
    const text = await response.text();
    exchange.inFlight = false;
    received = { response: new Response(text === "" ? null : text, response), text };
    return received.response;
  };
  const result = await send({ parseAs: "text", fetch: fetchOnce });
  exchange.response = result.response;
  if (result.response === received?.response) {
    exchange.text = received.text;
    return;
  }
  // a middleware put another response in its place, which openapi-fetch read (and parsed, when
  // it failed and was JSON)
  const value = result.data ?? result.error;
  exchange.text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
}

/** What the configured fetch resolved to, when it is a Response; a ConfigurationError else. */
function responseOf(value: unknown): Response {
  const response = value as Response | undefined;
  if (typeof response?.text === "function" && typeof response.status === "number" && response.headers) return response;
  throw new ConfigurationError(`The fetch in use resolved to ${Object.prototype.toString.call(value)}, not a Response`);
}
