// One typed call: validate the input, then attempt, retrying what is worth retrying. Each
// attempt either returns the typed value or throws a LeadConduitError; the loop decides whether
// to try again. openapi-fetch does the HTTP; this adds the rest.
import { type OperationId, operations, type SuccessBody } from "../generated/validators.js";
import { startDeadline } from "./deadline.js";
import {
  ABORTED_MESSAGE,
  AbortError,
  ConnectionError,
  type ErrorDetails,
  errorForStatus,
  LeadConduitError,
  TimeoutError,
  ValidationError,
} from "./errors.js";
import { mergeRequestOptions, type RequestOptions, type ResolvedRequestOptions } from "./options.js";
import { headersToObject, keptBody, redactRequest, redactText } from "./redact.js";
import { successOf } from "./response.js";
import { isRetryable, parseRetryAfter, retryDelay, sleep } from "./retry.js";
import { assertValidRequest, type CallInput } from "./validation.js";

type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** What openapi-fetch is asked to do for one attempt: read the body as text, send with this fetch. */
export interface SendInit {
  parseAs: "text";
  fetch: (request: Request) => Promise<Response>;
}
/** Sends one request through the openapi-fetch client, typed by its path and method. */
export type Sender = (init: SendInit) => Promise<{ data?: unknown; response: Response }>;

export interface CallContext {
  /** the fetch the client was configured with; given the attempt's signal */
  fetch: Fetch;
  /** checks the transport and adds the Authorization header, last thing before fetch */
  authorize: (request: Request) => void;
  defaults: ResolvedRequestOptions;
  /** Strings no error may contain: the key and the Authorization value built from it. */
  secrets: readonly string[];
}

export async function call<K extends OperationId>(
  ctx: CallContext,
  operationId: K,
  input: CallInput,
  send: Sender,
  options: RequestOptions | undefined,
): Promise<SuccessBody<K>> {
  const opts = mergeRequestOptions(ctx.defaults, options);
  if (opts.validateRequests) assertValidRequest(operations[operationId], input);
  const { signal } = opts;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new AbortError(ABORTED_MESSAGE, { attempts: attempt - 1, cause: signal.reason });
    try {
      return await attemptOnce(ctx, operationId, send, opts, attempt);
    } catch (error) {
      if (!(error instanceof LeadConduitError) || attempt > opts.maxRetries || !isRetryable(error)) throw error;
      const delayMs = retryDelay(attempt, error);
      if (delayMs === undefined) throw error;
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal, () => new AbortError(ABORTED_MESSAGE, { attempts: attempt, cause: signal?.reason }));
    }
  }
}

async function attemptOnce<K extends OperationId>(
  ctx: CallContext,
  operationId: K,
  send: Sender,
  opts: ResolvedRequestOptions,
  attempts: number,
): Promise<SuccessBody<K>> {
  const deadline = startDeadline(opts.timeoutMs, opts.signal);
  let sent: Request | undefined;
  // the text of a non-2xx body, read here so the error keeps it exactly as the server sent it
  let errorText: string | undefined;
  const fetchOnce = async (request: Request) => {
    ctx.authorize(request);
    sent = request;
    // called unbound: browsers throw "Illegal invocation" for fetch with another `this`
    const { fetch } = ctx;
    const response = await fetch(request, { signal: deadline.signal });
    if (response.ok) return response;
    errorText = await response.text();
    return new Response(errorText === "" ? null : errorText, response);
  };
  let result: Awaited<ReturnType<Sender>>;
  try {
    result = await deadline.race(send({ parseAs: "text", fetch: fetchOnce }));
  } catch (cause) {
    throw failureOf(cause, { ctx, opts, sent, attempts, timedOut: deadline.timedOut });
  } finally {
    deadline.dispose();
  }
  const { response } = result;
  // built only when an error needs it: the success path stays as cheap as openapi-fetch's
  const details = (): ErrorDetails & { status: number } => ({
    status: response.status,
    headers: headersToObject(response.headers),
    attempts,
    request: sent && redactRequest(sent, ctx.secrets),
  });
  if (response.ok) {
    const text = typeof result.data === "string" ? result.data : "";
    return successOf({ operationId, text, response, opts, secrets: ctx.secrets, details, request: sent });
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  throw errorForStatus({ ...details(), ...keptBody(errorText ?? "", ctx.secrets), retryAfterMs });
}

/** The typed error for an attempt that got no answer. */
function failureOf(
  cause: unknown,
  at: { ctx: CallContext; opts: ResolvedRequestOptions; sent: Request | undefined; attempts: number; timedOut: boolean },
): LeadConduitError {
  if (cause instanceof LeadConduitError) return cause; // refused by our own middleware
  const { ctx, opts, sent, attempts } = at;
  const details: ErrorDetails = { attempts, request: sent && redactRequest(sent, ctx.secrets), cause };
  if (opts.signal?.aborted) return new AbortError(ABORTED_MESSAGE, details);
  if (at.timedOut) return new TimeoutError(`No complete answer within ${opts.timeoutMs} ms`, details);
  if (!sent) {
    // failed before anything went out: the input could not be serialised
    return new ValidationError(`Could not build the request: ${messageOf(cause)}`, { attempts: attempts - 1, cause });
  }
  return new ConnectionError(`Connection failed: ${redactText(messageOf(cause), ctx.secrets)}`, details);
}

function messageOf(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
