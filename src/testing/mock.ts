// createLeadConduitMock: an in-process fake of the API for the tests of apps that use the
// client. `handle(request)` is the whole server (contract checks, credentials, scripted and
// usual answers); `fetch` and the MSW handlers are thin doors onto it. The key lives in this
// closure and the recorder's only; everything recorded is redacted.
import { operations, servers } from "../../generated/testing.js";
import type { OperationId } from "../../generated/validators.js";
import { redactText } from "../client/redact.js";
import { parseBaseUrl } from "./base-url.js";
import { basicPassword } from "./credentials.js";
import { successEntry } from "./documented.js";
import { createEntityStore } from "./entities.js";
import { ContractViolationError, LeadConduitMockError } from "./errors.js";
import { type Inspection, inspect, type Received } from "./inspect.js";
import { type Answer, unauthorised } from "./problems.js";
import { createQueues } from "./queue.js";
import { createRecorder } from "./record.js";
import { assertOperation, replyAnswer, scriptReply, timesOf } from "./replies.js";
import type { FailureMode, HandleOptions, LeadConduitMock, LeadConduitMockOptions, MockFetch } from "./types.js";

function normaliseBaseUrl(value: unknown, caller: string): string {
  const parsed = parseBaseUrl(value);
  if ("problem" in parsed) throw new LeadConduitMockError(`${caller}: ${parsed.problem}`);
  return parsed.url;
}

/** The path below the base URL's path; undefined when the request is not below it. */
function pathBelow(pathname: string, baseUrl: string): string | undefined {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  if (basePath === "") return pathname;
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** Never settles, except by rejecting when the request's signal aborts. */
function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(abortReason(signal));
    signal.addEventListener("abort", () => reject(abortReason(signal)), { once: true });
  });
}

/** What undici's fetch rejects with when the connection drops. */
function connectionDropped(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
  });
}

/** The usual answer: the first documented 2xx, with the body the entity store made (none without content). */
function usualAnswer(operationId: OperationId, body: unknown): Answer {
  const [status, documented] = successEntry(operationId)!;
  return documented.contentType === undefined
    ? { status, text: null, contentType: undefined }
    : { status, contentType: documented.contentType, text: JSON.stringify(body) };
}

function toResponse(answer: Answer & { headers?: [string, string][] }, method: string): Response {
  const headers = new Headers(answer.headers);
  if (answer.contentType && !headers.has("content-type")) headers.set("content-type", answer.contentType);
  return new Response(method === "HEAD" ? null : answer.text, { status: answer.status, headers });
}

function resolveOptions(options: LeadConduitMockOptions): { apiKey: string; baseUrl: string } {
  const caller = "createLeadConduitMock";
  if (options === null || typeof options !== "object")
    throw new LeadConduitMockError(`${caller} takes { apiKey, baseUrl? }`);
  const { apiKey } = options;
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new LeadConduitMockError(
      `${caller}: apiKey must be the key the app under test is configured with (a non-empty string)`,
    );
  }
  return { apiKey, baseUrl: normaliseBaseUrl(options.baseUrl ?? servers[0], caller) };
}

// Decodes as request.text() does, but keeps a byte order mark, so a body that starts with one is seen
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Reads the request whole, as fetch would send it; rejects as fetch does once its signal aborted. */
async function receive(request: Request, baseUrl: string): Promise<Received> {
  request.signal?.throwIfAborted();
  const text = UTF8.decode(await request.arrayBuffer());
  request.signal?.throwIfAborted();
  const url = new URL(request.url);
  return {
    method: request.method,
    path: pathBelow(url.pathname, baseUrl),
    fullPath: url.pathname,
    query: url.search,
    contentType: request.headers.get("content-type"),
    accept: request.headers.get("accept"),
    text,
  };
}

/**
 * Creates an in-process fake of LeadConduit's Invitations API, driven by the spec.
 * @example
 * const mock = createLeadConduitMock({ apiKey: "test-key" });
 * const lc = createLeadConduitClient({ apiKey: "test-key", fetch: mock.fetch });
 * @throws {LeadConduitMockError} no apiKey, or a baseUrl that is not an http(s) URL
 */
export function createLeadConduitMock(options: LeadConduitMockOptions): LeadConduitMock {
  const { apiKey, baseUrl } = resolveOptions(options);
  const queues = createQueues();
  const entities = createEntityStore();
  const recorder = createRecorder(apiKey);

  /** The answer to a request that reached the server, in Prism's order of checks. */
  const decide = (seen: Inspection, authorised: boolean): Answer => {
    const { operationId } = seen;
    if (seen.before || operationId === undefined) return seen.before!;
    if (operations[operationId].secured && !authorised) return unauthorised(operationId);
    if (seen.after) return seen.after;
    const usual = () => entities.answer(operationId, seen.pathParams, seen.body);
    const scripted = queues.take(operationId, "reply");
    if (scripted) return replyAnswer(scripted, operationId, usual);
    return usualAnswer(operationId, usual());
  };

  const handle = async (request: Request, handleOptions: HandleOptions = {}): Promise<Response> => {
    const base = handleOptions.baseUrl === undefined ? baseUrl : normaliseBaseUrl(handleOptions.baseUrl, "mock.handle");
    const received = await receive(request, base);
    const password = basicPassword(request.headers.get("authorization"));
    const secrets = recorder.secretsFor(password);
    // a refusal or violation repeats parts of the request (a path, a property name): each is redacted
    const seen = inspect(received, (carried) => redactText(carried, secrets));
    recorder.call(request, seen, secrets);
    const failure = seen.operationId === undefined ? undefined : queues.take(seen.operationId, "fail");
    if (failure) {
      recorder.violations(request, seen, 0, secrets);
      return failure.mode === "network" ? Response.error() : hang(request.signal);
    }
    const answer = decide(seen, password === apiKey);
    recorder.violations(request, seen, answer.status, secrets);
    return toResponse(answer, request.method);
  };

  const fetch: MockFetch = async (input, init) => {
    const request = new Request(
      typeof input === "string" && input.startsWith("/") ? `${baseUrl}${input}` : input,
      init,
    );
    const response = await handle(request);
    if (response.type === "error") throw connectionDropped();
    return response;
  };

  return Object.freeze({
    fetch,
    handle,
    baseUrl,
    reply(operationId, answer, replyOptions = {}) {
      assertOperation(operationId, "mock.reply");
      queues.enqueue(operationId, scriptReply(operationId, answer, replyOptions), `mock.reply(${operationId})`);
    },
    fail(operationId, mode: FailureMode, failOptions = {}) {
      const where = `mock.fail(${String(operationId)})`;
      assertOperation(operationId, "mock.fail");
      if (mode !== "network" && mode !== "timeout") {
        throw new LeadConduitMockError(`${where}: mode must be "network" or "timeout", got ${JSON.stringify(mode)}`);
      }
      queues.enqueue(operationId, { kind: "fail", mode, remaining: timesOf(failOptions.times, where) }, where);
    },
    get calls() {
      return recorder.calls();
    },
    get violations() {
      return recorder.recordedViolations();
    },
    assertNoViolations() {
      const reported = recorder.takeViolations();
      if (reported.length) throw new ContractViolationError(reported);
    },
    reset() {
      queues.clear();
      entities.reset();
      recorder.reset();
    },
  } satisfies LeadConduitMock);
}
