// The targets the contract suite runs against, and every way they differ: the one place that
// says so. Each contract test file runs its cases for every target below (harness.ts
// `forEachTarget`) and no test names a target: what is not the same on both is data here (how
// to reach a target and with which key, the modes that do not apply to it, the cases where it
// answers another status than the spec calls for, how a request asks it for a documented
// status, what it fills in fresh, how it says what it refused), and each datum names the entry
// of DIFFERENCES that gives the reason. agreement.test.ts holds every target to the reference's
// answers on everything else, with DIFFERENCES' `normalise` as the only allowance.
//
// Prism's launcher and the kit are imported when a target starts (in the global setup only):
// the test files, vitest's config and the gate read this table without loading them.

import { startMockServer, VIOLATIONS_HEADER } from "./mock-server.ts";
import type { Mode } from "./records.ts";
import type { OperationSpec } from "./spec.ts";

/** An answer as the agreement check compares it: status, Content-Type and the body (JSON when it parses). */
export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

interface Difference {
  /** the request or the part of an answer it is about */
  what: string;
  prism: string;
  mock: string;
  /** why they differ: deliberate, or which of them departs from the spec (or the RFC it rests on) */
  why: string;
  /** makes two targets' answers comparable on this point (applied to both) */
  normalise?: (answer: Answer, op: OperationSpec) => Answer;
}

const problemOf = (answer: Answer, status: number) =>
  answer.status === status && answer.body !== null && typeof answer.body === "object"
    ? (answer.body as Record<string, unknown>)
    : undefined;

/** The ids a create fills in fresh in the mock, as JSON pointers into its 2xx body. */
const FRESH_IDS = ["/entity/id", "/entity/invitation_id"];
const createsAnEntity = (op: OperationSpec) => op.method.toUpperCase() === "POST" && op.pathParams.length === 0;

export const DIFFERENCES = {
  credentials: {
    what: "a wrong API key (or an empty one) in a well-formed Basic header",
    prism: "200 and the usual answer: it checks that a Basic credential is there, never which",
    mock: '401 with the documented body {"error":"authentication failed"}',
    why: "deliberate: the spec documents 401 for missing or wrong credentials, and an app's tests need that 401 to test AuthenticationError; Prism cannot know a key",
  },
  telling: {
    what: "how a target says what it refused",
    prism:
      "an sl-violations header on the answers it makes up from the spec (the 401); none on its problem+json refusals, whose body says it",
    mock: "mock.violations for every request that breaks the spec (this suite's server passes them on in x-mock-violations); nothing for credentials",
    why: "deliberate: an app's test sends a wrong key on purpose to test its AuthenticationError handling, and must not fail mock.assertNoViolations() for it",
  },
  prefer: {
    what: "the Prefer header (code=, example=, dynamic=true, seed=)",
    prism: "picks its answer by it",
    mock: "ignores it; a test scripts answers in process (mock.reply, mock.fail)",
    why: "deliberate: the kit answers the spec's examples, deterministically, and an answer is scripted by the test that needs it. Static mode asks the mock for its 401 with a wrong key; generated mode does not apply to it",
  },
  freshIds: {
    what: "the entity a create answers with",
    prism: "the spec's example, ids included",
    mock: "the example with fresh ids (/entity/id, /entity/invitation_id: 6d6f636b…01, …02); the same create again gets the same entity",
    why: "deliberate (issue 10): the API creates an entity, and an app's test can tell two creates apart",
    normalise: (answer, op) => {
      if (!createsAnEntity(op) || answer.status >= 300) return answer;
      const body = structuredClone(answer.body) as { entity?: Record<string, unknown> };
      for (const pointer of FRESH_IDS) {
        const field = pointer.split("/").at(-1)!;
        if (body.entity?.[field] != null) body.entity[field] = "(fresh id)";
      }
      return { ...answer, body };
    },
  },
  problemDetail: {
    what: "the detail sentence of a 422 refusal",
    prism:
      '"Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you."',
    mock: '"Your request is not valid against the LeadConduit spec, so the mock refuses it as Prism does."',
    why: "free text the spec does not define; type, title, status and the validation list are the same",
    normalise: (answer) => {
      const problem = problemOf(answer, 422);
      return problem ? { ...answer, body: { ...problem, detail: "(free text)" } } : answer;
    },
  },
  paramCase: {
    what: "a path parameter's name in a 422 validation list",
    prism: "lower-cased (entityid)",
    mock: "as the spec names it (entityId)",
    why: "Prism departs from the spec: OpenAPI parameter names are case-sensitive",
    normalise: (answer, op) => {
      const problem = problemOf(answer, 422);
      if (!problem || !Array.isArray(problem.validation)) return answer;
      let text = JSON.stringify(problem.validation);
      for (const { name } of op.pathParams) text = text.split(name).join(name.toLowerCase());
      return { ...answer, body: { ...problem, validation: JSON.parse(text) } };
    },
  },
  authSpaces: {
    what: "Authorization: Basic followed by two spaces, then the right key",
    prism: "401",
    mock: "200",
    why: "Prism departs from RFC 9110 (section 11.4: credentials = auth-scheme 1*SP token68)",
  },
  unreadableMediaType: {
    what: 'a Content-Type that names no media type ("application/json x")',
    prism: '500 {"error":{"code":"internal_server_error"}}',
    mock: "415, as for any media type the spec does not take",
    why: "Prism fails on it; the spec takes application/json only, and a 5xx would blame the server for the client's request",
  },
  charset: {
    what: "JSON in UTF-16 sent as application/json; charset=utf-16le",
    prism: "decodes it by the charset and answers 200",
    mock: "400 Invalid JSON, recorded",
    why: "Prism departs from RFC 8259: JSON between systems is UTF-8 (section 8.1), and application/json has no charset parameter (section 11)",
  },
  cors: {
    what: "a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method); access-control-* headers",
    prism: "204 to the preflight, and access-control-* headers on every answer",
    mock: "405 to the preflight, as to any method the spec lacks; no CORS header",
    why: "the spec says nothing of CORS, and the kit runs inside the app's process (mock.fetch, MSW), where no preflight is sent. Headers other than Content-Type are not compared",
  },
} satisfies Record<string, Difference>;

export type DifferenceId = keyof typeof DIFFERENCES;

/** Something a target said about an exchange: what it refused in the request, or found wrong in its own answer. */
interface Said {
  where: "request" | "response";
  what: string;
}

/** How a request asks a target for a documented status (static mode). */
interface Ask {
  credentials: "key" | "wrong key" | "none";
  headers: Record<string, string>;
}

interface Running {
  url: string;
  stop: () => Promise<void>;
  /** the target's own process, when it has one */
  pid?: number | undefined;
  /** resolves with why, when the target's process ends before `stop` (the run's setup notes it) */
  crashed?: Promise<string>;
}

export interface Target {
  name: string;
  /** what it is, for the report */
  about: string;
  /** the key its requests carry; the suite never prints it */
  apiKey: string;
  start: () => Promise<Running>;
  /** modes of the suite that do not apply to this target, each with the difference that says why */
  notApplicable: Partial<Record<Mode, { because: DifferenceId; note: string }>>;
  /** cases (by name, contract-tests/lib/requests.ts) this target answers with another status than the spec calls for */
  statusOf: Record<string, { status: number; because: DifferenceId }>;
  /** how a request asks it for a documented status; undefined when it cannot be asked for it */
  ask: (status: number) => Ask | undefined;
  /** JSON pointers of a 2xx body this target fills in fresh instead of from the example */
  fresh: (op: OperationSpec) => string[];
  /** what it said about an exchange, read from the response */
  said: (response: Response) => Said[];
  /** which refusals it names in `said`: a missing or wrong credential (401), a request that breaks the spec (other 4xx) */
  names: { credentials: boolean; refusals: boolean; because: DifferenceId };
}

const PRISM_KEY = "lc-contract-prism-5d1c8e";
const MOCK_KEY = "lc-contract-mock-9a47f2";
/** The key the cases send as a wrong one; no target's own. */
export const WRONG_KEY = "lc-contract-wrong-30b6aa";

function parseHeader<T>(response: Response, name: string): T[] {
  const value = response.headers.get(name);
  return value === null ? [] : (JSON.parse(value) as T[]);
}

const prism: Target = {
  name: "prism",
  about: "Stoplight Prism 5.14.2, `prism mock --errors` on spec/leadconduit.yaml",
  apiKey: PRISM_KEY,
  start: async () => {
    const { startPrism } = await import("./prism.ts");
    return await startPrism();
  },
  notApplicable: {},
  statusOf: {
    "a wrong key": { status: 200, because: "credentials" },
    "an empty key": { status: 200, because: "credentials" },
    "the right key after two spaces": { status: 401, because: "authSpaces" },
    "a Content-Type that names no media type": { status: 500, because: "unreadableMediaType" },
    "UTF-16 JSON with a charset parameter": { status: 200, because: "charset" },
    "a CORS preflight": { status: 204, because: "cors" },
  },
  // any status by name (DIFFERENCES.prefer)
  ask: (status) => ({ credentials: "key", headers: { prefer: `code=${status}` } }),
  fresh: () => [],
  said: (response) =>
    parseHeader<{ location: string[]; message: string }>(response, "sl-violations").map((v) => ({
      where: v.location[0] === "request" ? "request" : "response",
      what: `${v.location.join(".")}: ${v.message}`,
    })),
  names: { credentials: true, refusals: false, because: "telling" },
};

const mock: Target = {
  name: "mock",
  about: "leadconduit-client/testing's createLeadConduitMock, behind a node:http server (scripts/lib/mock-server.ts)",
  apiKey: MOCK_KEY,
  start: async () => {
    const { createLeadConduitMock } = await import("../../src/testing/index.ts");
    const server = await startMockServer(createLeadConduitMock({ apiKey: MOCK_KEY }));
    return { url: server.url, stop: server.close };
  },
  notApplicable: {
    generated: {
      because: "prefer",
      note: "the mock makes no seeded dynamic answers (Prism's Prefer: dynamic=true, seed=N); it answers the spec's examples",
    },
  },
  statusOf: {},
  // by the request itself, as an app's test would: Prefer means nothing to it (DIFFERENCES.prefer)
  ask: (status) =>
    status >= 200 && status < 300
      ? { credentials: "key", headers: {} }
      : status === 401
        ? { credentials: "wrong key", headers: {} }
        : undefined,
  // DIFFERENCES.freshIds
  fresh: (op) => (createsAnEntity(op) ? FRESH_IDS : []),
  said: (response) =>
    parseHeader<{ path: string; message: string }>(response, VIOLATIONS_HEADER).map((v) => ({
      where: "request",
      what: `${v.path}: ${v.message}`,
    })),
  names: { credentials: false, refusals: true, because: "telling" },
};

/** Every target, the reference first. */
export const TARGETS: readonly Target[] = [prism, mock];

/** The target the others' answers are compared with (agreement.test.ts). */
export const REFERENCE: Target = prism;

/** The status a target answers to a case: its own where the table says so, else the spec's. */
export function statusOn(target: Target, c: { name: string; expected: number }): number {
  return target.statusOf[c.name]?.status ?? c.expected;
}

/** An answer with every difference's allowance applied, so two targets' answers can be compared. */
export function normalised(answer: Answer, op: OperationSpec): Answer {
  return Object.values(DIFFERENCES as Record<string, Difference>).reduce(
    (a, d) => (d.normalise ? d.normalise(a, op) : a),
    answer,
  );
}
