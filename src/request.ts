// One typed call: validate, send with a per-attempt timeout, map the answer to a value or a
// typed error, retry what is worth retrying. openapi-fetch does the HTTP; this adds the rest.
import { operations } from "../generated/validators.js";
import {
  AbortError,
  APIError,
  AuthenticationError,
  ConnectionError,
  describeViolations,
  type ErrorDetails,
  LeadConduitError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
  type Violation,
  violationsOf,
} from "./errors.js";
import { mergeRequestOptions, type RequestOptions, type ResolvedRequestOptions } from "./options.js";
import { headersToObject, redactRequest, redactText } from "./redact.js";
import { isRetryable, parseRetryAfter, retryDelay, sleep } from "./retry.js";
import { assertValidRequest, type CallInput } from "./validation.js";

export type OperationId = keyof typeof operations;

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The slice of openapi-fetch's client this module uses, untyped by path. */
export interface RawRequester {
  request(method: string, url: string, init: Record<string, unknown>): Promise<FetchResult>;
}

export interface CallContext {
  raw: RawRequester;
  /** the fetch the client was configured with; given the attempt's signal */
  fetch: (input: Request, init?: RequestInit) => Promise<Response>;
  defaults: ResolvedRequestOptions;
  /** Strings no error may contain: the key and the Authorization value built from it. */
  secrets: readonly string[];
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: LeadConduitError };

export async function call<T>(
  ctx: CallContext,
  operationId: OperationId,
  input: CallInput,
  options?: RequestOptions,
): Promise<T> {
  const opts = mergeRequestOptions(ctx.defaults, options);
  const op = operations[operationId];
  if (opts.validateRequests) assertValidRequest(op, input);
  const { signal } = opts;
  const aborted = (attempts: number) =>
    new AbortError("The call was aborted by its signal", { attempts, cause: signal?.reason });

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted(attempt - 1);
    const outcome = await attemptOnce(ctx, op, input, opts, attempt);
    if (outcome.ok) return outcome.value as T;
    const { error } = outcome;
    if (attempt > opts.maxRetries || !isRetryable(error)) throw error;
    const delayMs = retryDelay(attempt, error);
    if (delayMs === undefined) throw error;
    opts.onRetry?.({ attempt, delayMs, error });
    await sleep(delayMs, signal, () => aborted(attempt));
  }
}

async function attemptOnce(
  ctx: CallContext,
  op: (typeof operations)[OperationId],
  input: CallInput,
  opts: ResolvedRequestOptions,
  attempts: number,
): Promise<Outcome> {
  const { signal } = opts;
  // The signal goes to fetch itself, not into openapi-fetch's Request: wiring a signal into
  // every Request object costs more than the rest of the wrapper together (see bench/).
  const controller = new AbortController();
  let timedOut = false;
  let stop!: (reason: unknown) => void;
  // ends the attempt even when the fetch in use ignores its signal
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
    stop(new Error(`timed out after ${opts.timeoutMs} ms`));
  }, opts.timeoutMs);
  const onAbort = () => {
    controller.abort();
    stop(signal!.reason);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  let sent: Request | undefined;
  let result: FetchResult;
  try {
    const pending = ctx.raw.request(op.method, op.path, {
      params: input.path ? { path: input.path } : undefined,
      body: input.body,
      parseAs: "text",
      // called with the final request, after every middleware (auth included)
      fetch: (request: Request) => {
        sent = request;
        // called unbound: browsers throw "Illegal invocation" for fetch with another `this`
        const { fetch } = ctx;
        return fetch(request, { signal: controller.signal });
      },
    });
    result = await Promise.race([pending, stopped]);
  } catch (cause) {
    if (cause instanceof LeadConduitError) throw cause; // refused by our own middleware
    const details: ErrorDetails = { attempts, request: sent && redactRequest(sent), cause };
    if (signal?.aborted) return fail(new AbortError("The call was aborted by its signal", details));
    if (timedOut) return fail(new TimeoutError(`No complete answer within ${opts.timeoutMs} ms`, details));
    if (!sent) {
      // failed before anything went out: the input could not be serialised
      throw new ValidationError(`Could not build the request: ${messageOf(cause)}`, { attempts: attempts - 1, cause });
    }
    return fail(new ConnectionError(`Connection failed: ${redactText(messageOf(cause), ctx.secrets)}`, details));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }

  const { response } = result;
  // built only when an error needs it: the success path stays as cheap as openapi-fetch's
  const details = (): ErrorDetails => ({
    status: response.status,
    headers: headersToObject(response.headers),
    attempts,
    request: sent && redactRequest(sent),
  });
  if (response.ok) return successOf(ctx, op, result.data, response, opts, details);
  return fail(errorForStatus(ctx, response.status, result.error, details()));
}

function successOf(
  ctx: CallContext,
  op: (typeof operations)[OperationId],
  data: unknown,
  response: Response,
  opts: ResolvedRequestOptions,
  details: () => ErrorDetails,
): Outcome {
  const text = typeof data === "string" ? data : "";
  const invalid = (message: string, violations: Violation[]) =>
    fail(new ResponseValidationError(message, { ...details(), ...keptBody(ctx, text), violations }));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // There is nothing typed to return, whatever validateResponses says.
    const what = text.trim() === "" ? "empty" : "not JSON";
    return invalid(`Response ${response.status} body is ${what}`, [{ path: "/", message: `body is ${what}` }]);
  }
  if (opts.validateResponses) {
    const contentType = response.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(contentType)) {
      return invalid(`Response content type ${JSON.stringify(contentType)} is not application/json`, [
        { path: "/", message: `content type ${contentType || "(none)"} is not application/json` },
      ]);
    }
    if (!op.success(body)) {
      const violations = violationsOf(op.success.errors);
      return invalid(`Response breaks the spec: ${describeViolations(violations)}`, violations);
    }
  }
  return { ok: true, value: body };
}

/** A body as an error keeps it: the text with every secret removed, and parsed when JSON. */
function keptBody(ctx: CallContext, text: string): { rawBody: string; body?: unknown } {
  const rawBody = redactText(text, ctx.secrets);
  try {
    return { rawBody, body: JSON.parse(rawBody) };
  } catch {
    return { rawBody };
  }
}

function errorForStatus(ctx: CallContext, status: number, error: unknown, details: ErrorDetails): LeadConduitError {
  // openapi-fetch hands over the body parsed when it was JSON, else as text
  const kept = keptBody(ctx, error === undefined ? "" : typeof error === "string" ? error : JSON.stringify(error));
  const body = "body" in kept ? kept.body : error === undefined ? undefined : kept.rawBody;
  const said =
    body && typeof body === "object" && typeof (body as { error?: unknown }).error === "string"
      ? (body as { error: string }).error
      : kept.rawBody.replace(/\s+/g, " ").trim().slice(0, 200);
  const message = `LeadConduit answered ${status}${said ? `: ${said}` : ""}`;
  const all = { ...details, body, rawBody: kept.rawBody };
  if (status === 400 || status === 422) return new ValidationError(message, all);
  if (status === 401) return new AuthenticationError(message, all);
  if (status === 403) return new PermissionError(message, all);
  if (status === 404) return new NotFoundError(message, all);
  if (status === 429) {
    return new RateLimitError(message, { ...all, retryAfterMs: parseRetryAfter(details.headers?.["retry-after"]) });
  }
  if (status >= 500) return new ServerError(message, all);
  return new APIError(message, all);
}

function fail(error: LeadConduitError): Outcome {
  return { ok: false, error };
}

function messageOf(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
