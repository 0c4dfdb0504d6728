// The public types of leadconduit-client/testing.
import type { OperationId } from "../../generated/validators.js";
import type { Violation } from "../client/violations.js";

export type { OperationId } from "../../generated/validators.js";

/** Options of `createLeadConduitMock`. */
export interface LeadConduitMockOptions {
  /** The API key the app under test is configured with; any other key gets the documented 401. */
  apiKey: string;
  /**
   * Where the app sends its requests. Default: the spec's server, `https://app.leadconduit.com`.
   * `mock.fetch` answers any origin; only the path below this URL's path counts. The MSW
   * handlers intercept this URL.
   */
  baseUrl?: string | undefined;
}

/** One request the mock received, in order, with every credential redacted. */
export interface MockCall {
  /** The operation it matched; `undefined` for a path or method the spec does not have. */
  operationId: OperationId | undefined;
  /** HTTP method, upper case. */
  method: string;
  /** The path as the spec sees it (below the base URL), e.g. `/invitations/recipient`. */
  path: string;
  /** The path parameters, decoded, e.g. `{ entityId: "64b8f0f5e4b0c3a1d5e6f7a8" }`. */
  pathParams: Record<string, string>;
  /** The body: parsed when it was JSON, the text otherwise, `undefined` when empty. */
  body: unknown;
  /** The headers, names lower-cased; `authorization` as `Basic [REDACTED]`. */
  headers: Record<string, string>;
}

/** One way a request broke the spec (the consumer contract). */
export interface MockViolation extends Violation {
  /** The operation the request matched; `undefined` for an unknown path or method. */
  operationId: OperationId | undefined;
  /** Method and path, e.g. `POST /invitations/recipient`. */
  request: string;
  /** The status the mock answered (as Prism answers that request); 0 when a scripted failure answered instead. */
  status: number;
  /**
   * Where in the request, e.g. `body/email`, `path/entityId`, `headers/content-type`,
   * `headers/accept`, `method`, `url`, `body`.
   */
  path: string;
}

/** A scripted answer for `mock.reply`. */
export interface ScriptedReply {
  /** HTTP status, 200 to 599. */
  status: number;
  /**
   * The body: a string is sent as it is, anything else as JSON. Omitted: a 2xx gets the usual
   * answer (the spec's example with fresh ids), a documented error status its documented example
   * (401: `{"error":"authentication failed"}`), any other status an empty body.
   */
  body?: unknown;
  /** Response headers, e.g. `{ "retry-after": "1" }`; `content-type` defaults to `application/json` when there is a body. */
  headers?: Record<string, string> | [string, string][] | Headers | undefined;
}

/** Options of `mock.reply`. */
export interface ReplyOptions {
  /** How many requests get this answer: default 1; `Infinity` for every request from now on. */
  times?: number | undefined;
  /** Skip the check against the spec, to fake a server that drifted from it. Default false. */
  unchecked?: boolean | undefined;
  /**
   * Send a 2xx the spec does not document for the operation (a 201 where it documents 200), to
   * test how the app takes a server that drifted that way; the body is still checked against the
   * documented success. Without it, such a status is refused. Default false.
   */
  undocumented?: boolean | undefined;
}

/** Options of `mock.fail`. */
export interface FailOptions {
  /** How many requests fail this way: default 1; `Infinity` for every request from now on. */
  times?: number | undefined;
}

/**
 * `"network"`: the connection drops (fetch rejects with a `TypeError`, as undici's does).
 * `"timeout"`: no answer ever comes; the request's signal still aborts it.
 */
export type FailureMode = "network" | "timeout";

/** Options of `mock.handle`. */
export interface HandleOptions {
  /** Overrides the mock's `baseUrl` for this request: only the path below it counts. */
  baseUrl?: string | undefined;
}

/** A fetch the client takes as its `fetch` option: `createLeadConduitClient({ fetch: mock.fetch })`. */
export type MockFetch = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/** An in-process fake of LeadConduit's Invitations API, driven by the spec. */
export interface LeadConduitMock {
  /** Give this to the client (`fetch: mock.fetch`) or stub the global fetch with it. */
  readonly fetch: MockFetch;
  /**
   * Answers one request as the API would: the core of `fetch` and of the MSW handlers. A dropped
   * connection resolves to `Response.error()`; a scripted timeout rejects when the request's
   * signal aborts.
   */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
  /** Where the app sends its requests (the option, else the spec's server). */
  readonly baseUrl: string;
  /**
   * Queues an answer for the next request(s) of an operation that have valid credentials and
   * follow the spec. A body that breaks the spec for that status throws here, naming the path.
   * @throws {LeadConduitMockError} unknown operation, bad status, `times` or headers, or a body the API could never send
   */
  reply(operationId: OperationId, answer: ScriptedReply, options?: ReplyOptions): void;
  /**
   * Queues a failure for the next request(s) of an operation, whatever they carry: the
   * connection fails before the server reads them.
   * @throws {LeadConduitMockError} unknown operation, mode or bad `times`
   */
  fail(operationId: OperationId, mode: FailureMode, options?: FailOptions): void;
  /** Every request received, in order (a copy). */
  readonly calls: readonly MockCall[];
  /** Every way a request broke the spec, in order (a copy). */
  readonly violations: readonly MockViolation[];
  /**
   * Throws a `ContractViolationError` listing each violation recorded since the last call (and
   * forgets them, so each is reported once). Meant for `afterEach`.
   */
  assertNoViolations(): void;
  /** Forgets scripted answers, calls, violations and the entities created. */
  reset(): void;
}
