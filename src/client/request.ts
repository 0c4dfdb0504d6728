// One typed call: validate the input, then attempt, retrying what is worth retrying. Each
// attempt either returns the typed value or throws a LeadConduitError; the loop decides whether
// to try again.
import { type OperationId, operations, type SuccessBody } from "../../generated/validators.js";
import { startDeadline } from "./deadline.js";
import {
  ABORTED_MESSAGE,
  AbortError,
  ConfigurationError,
  ConnectionError,
  type ErrorDetails,
  errorForStatus,
  LeadConduitError,
  TimeoutError,
} from "./errors.js";
import { log, warnsReachLogger } from "./log.js";
import { mergeRequestOptions, type RequestOptions, type ResolvedRequestOptions } from "./options.js";
import { keptBody, redactHeaders, redactText } from "./redact.js";
import { requestIdOf } from "./request-id.js";
import { successOf } from "./response.js";
import { isRetryable, parseRetryAfter, retryDelay, sleep } from "./retry.js";
import { type Exchange, type Sender, sendOnce, type Transport } from "./send.js";
import { assertValidRequest, type CallInput } from "./validation.js";

export interface CallContext {
  transport: Transport;
  defaults: ResolvedRequestOptions;
}

export async function call<K extends OperationId>(
  ctx: CallContext,
  operationId: K,
  input: CallInput,
  send: Sender,
  options: RequestOptions | undefined,
): Promise<SuccessBody<K>> {
  const opts = mergeRequestOptions(ctx.defaults, options);
  // checked per call: the client may say "report" and each call bring its own callback
  if (opts.validateResponses === "report" && opts.onResponseViolation === undefined && !warnsReachLogger(opts)) {
    throw new ConfigurationError(
      'validateResponses: "report" needs onResponseViolation, or a logger with logLevel "warn" or lower, or the violations go nowhere',
    );
  }
  if (opts.validateRequests) assertValidRequest(operations[operationId], input);
  const { signal } = opts;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new AbortError(ABORTED_MESSAGE, { attempts: attempt - 1, cause: signal.reason });
    try {
      return await attemptOnce(ctx.transport, { operationId, input, send }, opts, attempt);
    } catch (error) {
      if (!(error instanceof LeadConduitError) || attempt > opts.maxRetries || !isRetryable(error)) throw error;
      const delayMs = retryDelay(attempt, error);
      if (delayMs === undefined) throw error;
      log(
        opts,
        ctx.transport.secrets,
        "info",
        `${operationId}: retrying in ${delayMs} ms, attempt ${attempt} failed: ${error.name}: ${error.message}`,
        {
          operationId,
          attempt,
          delayMs,
          error: { name: error.name, message: error.message, status: error.status, requestId: error.requestId },
        },
      );
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal, () => new AbortError(ABORTED_MESSAGE, { attempts: attempt, cause: signal?.reason }));
    }
  }
}

interface Operation<K extends OperationId> {
  operationId: K;
  input: CallInput;
  send: Sender;
}

async function attemptOnce<K extends OperationId>(
  transport: Transport,
  op: Operation<K>,
  opts: ResolvedRequestOptions,
  attempts: number,
): Promise<SuccessBody<K>> {
  const deadline = startDeadline(opts.timeoutMs, opts.signal);
  const exchange: Exchange = {};
  const at: Attempt = { transport, opts, exchange, operationId: op.operationId, attempts, started: performance.now() };
  try {
    await deadline.race(sendOnce(transport, op.operationId, op.input, op.send, deadline.signal, exchange));
  } catch (cause) {
    const failure = failureOf(cause, at, deadline.timedOut());
    logAttempt(at, failure);
    throw failure;
  } finally {
    deadline.dispose();
  }
  logAttempt(at);
  const response = exchange.response!;
  const text = exchange.text ?? "";
  // built only when an error needs it: the success path stays as cheap as openapi-fetch's
  const details = (): ErrorDetails & { status: number } => ({
    status: response.status,
    headers: redactHeaders(response.headers, transport.secrets),
    attempts,
    request: exchange.sent?.(),
    requestId: requestIdOf(response.headers),
  });
  if (response.ok) {
    return successOf({
      operationId: op.operationId,
      text,
      response,
      opts,
      secrets: transport.secrets,
      details,
      sent: exchange.sent,
    });
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  throw errorForStatus({ ...details(), ...keptBody(text, transport.secrets), retryAfterMs });
}

/** One attempt: what it was sent with and through, how far it got, when it started. */
interface Attempt {
  transport: Transport;
  opts: ResolvedRequestOptions;
  exchange: Exchange;
  operationId: OperationId;
  /** this attempt's number, 1-based: the requests sent for the call so far */
  attempts: number;
  started: number;
}

/** One attempt at `debug`: what was sent, and what came back (a status, or why nothing did), in how long. */
function logAttempt(at: Attempt, failure?: unknown): void {
  if (!at.opts.logger) return;
  const sent = at.exchange.sent?.();
  if (!sent) return; // nothing went out
  const ms = Math.round(performance.now() - at.started);
  const { response } = at.exchange;
  const outcome =
    failure === undefined && response
      ? `${response.status} in ${ms} ms`
      : `no answer in ${ms} ms (${failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure)})`;
  const requestId = response && requestIdOf(response.headers);
  log(
    at.opts,
    at.transport.secrets,
    "debug",
    `${at.operationId} attempt ${at.attempts}: ${sent.method} ${sent.url} → ${outcome}`,
    {
      operationId: at.operationId,
      attempt: at.attempts,
      request: sent,
      ms,
      ...(failure === undefined && response ? { status: response.status } : {}),
      ...(requestId ? { requestId } : {}),
    },
  );
}

/**
 * What an attempt that got no answer throws: a typed error for the network, a timeout or an
 * abort; the app's own error, unchanged and not retried, when its middleware threw it.
 */
function failureOf(cause: unknown, at: Attempt, timedOut: boolean): unknown {
  if (cause instanceof LeadConduitError) return cause; // refused by the client itself
  const { opts, exchange, attempts } = at;
  const details: ErrorDetails = { attempts, request: exchange.sent?.(), cause };
  if (opts.signal?.aborted) return new AbortError(ABORTED_MESSAGE, details);
  if (timedOut) return new TimeoutError(`No complete answer within ${opts.timeoutMs} ms`, details);
  if (!exchange.inFlight) return cause;
  return new ConnectionError(`Connection failed: ${redactText(messageOf(cause), at.transport.secrets)}`, details);
}

function messageOf(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
