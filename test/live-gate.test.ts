// The live gate must pass a server that keeps the spec and fail each way a real server drifts
// from it. The upstream here is a real HTTP server on loopback whose answers come from the
// spec itself (its examples and its request schema); each broken variant bends one answer.
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { basicAuthorization } from "../src/auth.ts";
import { liveMain } from "../scripts/lib/live-cli.ts";
import { type Finding, formatLiveReport, type LiveGateReport, runLiveGate, writeReports } from "../scripts/lib/live-gate.ts";
import { firstExample, loadSpec, type OperationSpec, specValidators, successResponse } from "../scripts/lib/spec.ts";

const KEY = "sk-live-DO-NOT-LEAK-42";
const AUTHORIZATION = basicAuthorization(KEY);
const ENCODED_KEY = AUTHORIZATION.slice("Basic ".length);
const EMAIL = "contract-gate@example.com";
const JSON_UTF8 = "application/json; charset=utf-8";

const spec = loadSpec();
const validatorOf = specValidators(spec);

type Kind = "valid" | "no-credentials" | "bad-body";
interface Answer {
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
type Tamper = (ctx: Context, answer: Answer) => Answer | void;

// ---------------------------------------------------------------- the upstream

interface Upstream {
  url: string;
  requests: { method: string; url: string; authorization?: string }[];
  tamper?: Tamper;
  close: () => Promise<void>;
}

function routeOf(method: string, url: string): OperationSpec | undefined {
  const path = new URL(url, "http://upstream").pathname;
  return spec.operations.find(
    (op) => op.method === method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

function exampleOf(op: OperationSpec): unknown {
  return structuredClone(firstExample(successResponse(op)));
}

function json(status: number, value: unknown): Answer {
  return { status, headers: { "content-type": JSON_UTF8 }, body: JSON.stringify(value) };
}

/** What a server keeping the spec answers, and which kind of call it took the request for. */
function conforming(request: IncomingMessage, raw: string): { kind: Kind; answer: Answer; op?: OperationSpec } {
  const op = routeOf(request.method!, request.url!);
  if (!op) return { kind: "valid", answer: json(404, { error: "not found" }) };
  if (request.headers.authorization !== AUTHORIZATION) {
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

async function startUpstream(): Promise<Upstream> {
  const upstream: Upstream = { url: "", requests: [], close: async () => {} };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    upstream.requests.push({
      method: request.method!,
      url: request.url!,
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    const { op, kind, answer } = conforming(request, Buffer.concat(chunks).toString("utf8"));
    const final = (op && upstream.tamper?.({ operationId: op.operationId, kind, request }, answer)) || answer;
    response.writeHead(final.status, final.headers).end(final.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  upstream.url = `http://127.0.0.1:${port}`;
  upstream.close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return upstream;
}

// ---------------------------------------------------------------- drift variants

/** Changes the entity of one operation's answer to a valid call. */
function entityOf(operationId: string, change: (entity: Record<string, unknown>) => void): Tamper {
  return (ctx, answer) => {
    if (ctx.operationId !== operationId || ctx.kind !== "valid") return;
    const body = JSON.parse(answer.body) as { entity: Record<string, unknown> };
    change(body.entity);
    return { ...answer, body: JSON.stringify(body) };
  };
}

function when(operationId: string, kind: Kind, replace: (answer: Answer) => Answer): Tamper {
  return (ctx, answer) => (ctx.operationId === operationId && ctx.kind === kind ? replace(answer) : undefined);
}

const R = "createRecipientInvitation";
const S = "createSourceInvitation";
const P = "resendInvitation";
const VALID = "valid-call";
const NO_CREDENTIALS = "no-credentials";
const BAD_BODY = expect.stringMatching(/^bad-body /);

interface Variant {
  name: string;
  tamper: Tamper;
  expected: Partial<Record<keyof Finding, unknown>>;
  message?: RegExp;
}

const variants: Variant[] = [
  {
    name: "a required Entity field is missing",
    tamper: entityOf(R, (e) => delete e.name),
    expected: { operationId: R, check: VALID, status: 200, path: "/entity/name" },
  },
  {
    name: "an enum field carries a value the spec does not list",
    tamper: entityOf(S, (e) => (e.source = "robot")),
    expected: { operationId: S, check: VALID, status: 200, path: "/entity/source" },
  },
  {
    name: "a boolean field comes as a string",
    tamper: entityOf(P, (e) => (e.pending = "yes")),
    expected: { operationId: P, check: VALID, status: 200, path: "/entity/pending" },
  },
  {
    name: "the entity id breaks the BSON id pattern",
    tamper: entityOf(R, (e) => (e.id = "5fd4371e940df5a34a3888bZ")),
    expected: { operationId: R, check: VALID, status: 200, path: "/entity/id" },
  },
  {
    name: "null where the spec forbids it (flow_ids, as older snapshots had it)",
    tamper: entityOf(S, (e) => (e.flow_ids = null)),
    expected: { operationId: S, check: VALID, status: 200, path: "/entity/flow_ids" },
  },
  {
    name: "a date-time field is not a date-time",
    tamper: entityOf(P, (e) => (e.created_at = "yesterday")),
    expected: { operationId: P, check: VALID, status: 200, path: "/entity/created_at" },
  },
  {
    name: "field_suffix longer than the spec allows",
    tamper: entityOf(S, (e) => (e.field_suffix = "muchtoolong")),
    expected: { operationId: S, check: VALID, status: 200, path: "/entity/field_suffix" },
  },
  {
    name: "message is a number",
    tamper: when(R, "valid", (a) => ({ ...a, body: JSON.stringify({ ...JSON.parse(a.body), message: 42 }) })),
    expected: { operationId: R, check: VALID, status: 200, path: "/message" },
  },
  {
    name: "a new invitation answers 201, which the spec does not document",
    tamper: when(R, "valid", (a) => ({ ...a, status: 201 })),
    expected: { operationId: R, check: VALID, status: 201 },
    message: /201 is not documented for createRecipientInvitation; the spec must then document it/,
  },
  {
    name: "the content type is text/html",
    tamper: when(P, "valid", (a) => ({ ...a, headers: { "content-type": "text/html; charset=utf-8" } })),
    expected: { operationId: P, check: VALID, status: 200 },
    message: /content type "text\/html; charset=utf-8" is not application\/json/,
  },
  {
    name: "the body is not JSON",
    tamper: when(R, "valid", (a) => ({ ...a, body: "<html><body>Invitation sent</body></html>" })),
    expected: { operationId: R, check: VALID, status: 200, path: "/" },
    message: /not JSON/,
  },
  {
    name: "a valid call answers 500",
    tamper: when(P, "valid", () => json(500, { error: "internal error" })),
    expected: { operationId: P, check: VALID, status: 500 },
    message: /500 is not documented/,
  },
  {
    name: "a redirect instead of an answer",
    tamper: when(S, "valid", () => ({ status: 302, headers: { location: "https://elsewhere.example/" }, body: "" })),
    expected: { operationId: S, check: VALID, status: 302 },
  },
  {
    name: "the 401 envelope changed",
    tamper: when(S, "no-credentials", (a) => ({ ...a, body: JSON.stringify({ message: "Unauthorized" }) })),
    expected: { operationId: S, check: NO_CREDENTIALS, status: 401, path: "/error" },
  },
  {
    name: "the 401 comes as text/plain",
    tamper: when(P, "no-credentials", (a) => ({ ...a, headers: { "content-type": "text/plain" } })),
    expected: { operationId: P, check: NO_CREDENTIALS, status: 401 },
    message: /content type "text\/plain" is not application\/json/,
  },
  {
    name: "a call without credentials is served",
    tamper: (ctx, a) => (ctx.operationId === R && ctx.kind === "no-credentials" ? json(200, exampleOf(routeOf("POST", "/invitations/recipient")!)) : a),
    expected: { operationId: R, check: NO_CREDENTIALS, status: 200 },
    message: /expected 401/,
  },
  {
    name: "a bad body is accepted with 200",
    tamper: when(S, "bad-body", () => json(200, exampleOf(routeOf("POST", "/invitations/source")!))),
    expected: { operationId: S, check: BAD_BODY, status: 200 },
    message: /accepted with 200/,
  },
  {
    name: "a bad body answers 500",
    tamper: when(R, "bad-body", () => json(500, { error: "TypeError: email.toLowerCase is not a function" })),
    expected: { operationId: R, check: BAD_BODY, status: 500 },
  },
];

// ---------------------------------------------------------------- tests

let upstream: Upstream;
let reportDir: string;

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream.close();
});
beforeEach(() => {
  upstream.tamper = undefined;
  upstream.requests = [];
  reportDir = mkdtempSync(join(tmpdir(), "live-gate-"));
});
afterEach(() => {
  rmSync(reportDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const gate = (extra: Partial<Parameters<typeof runLiveGate>[0]> = {}) =>
  runLiveGate({ target: upstream.url, apiKey: KEY, email: EMAIL, ...extra });

const violationsOf = (report: LiveGateReport) => report.findings.filter((f) => f.severity === "violation");

/** Collects what liveMain prints, instead of letting it reach the test output. */
function captureConsole() {
  const out: string[] = [];
  for (const method of ["log", "error", "warn", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      out.push(args.map(String).join(" "));
    });
  }
  return () => out.join("\n");
}

function expectNoSecret(text: string) {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(ENCODED_KEY);
  expect(text).not.toContain("DO-NOT-LEAK");
}

describe("live gate against a conforming server", () => {
  it("passes, covering every operation of the spec with a valid call, a call without credentials and bad bodies", async () => {
    const report = await gate();
    expect(violationsOf(report)).toEqual([]);
    expect(report.ok).toBe(true);
    for (const op of spec.operations) {
      const names = report.checks.filter((c) => c.operationId === op.operationId).map((c) => c.name);
      expect(names).toContain("valid-call");
      expect(names).toContain("no-credentials");
      if (op.body) expect(names.filter((n) => n.startsWith("bad-body "))).toHaveLength(2);
    }
    // resend went to the id the first create call returned, with the Basic header the spec describes
    const createdId = (firstExample(successResponse(spec.operations[0]!)) as { entity: { id: string } }).entity.id;
    expect(upstream.requests).toContainEqual({ method: "PUT", url: `/invitations/${createdId}/resend`, authorization: AUTHORIZATION });
    expect(upstream.requests.filter((r) => !r.authorization).map((r) => r.method)).toHaveLength(spec.operations.length);
  });

  it("reports which 4xx refused a bad body as a finding that does not fail the gate", async () => {
    const report = await gate();
    const findings = report.findings.filter((f) => f.severity === "finding");
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).toMatchObject({ check: BAD_BODY, status: 422 });

    upstream.tamper = (ctx, a) => (ctx.kind === "bad-body" ? { ...a, status: 400 } : undefined);
    const with400 = await gate();
    expect(with400.ok).toBe(true);
    expect(with400.findings).toContainEqual(expect.objectContaining({ status: 400, severity: "finding", check: BAD_BODY }));
  });

  it("resends the entity it is given instead of the created one", async () => {
    await gate({ entityId: "64b8f0f5e4b0c3a1d5e6f7a8" });
    expect(upstream.requests).toContainEqual(expect.objectContaining({ method: "PUT", url: "/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend", authorization: AUTHORIZATION }));
  });
});

describe("live gate catches drift", () => {
  it.each(variants.map((v) => [v.name, v] as const))("fails when %s", async (_name, variant) => {
    upstream.tamper = variant.tamper;
    const report = await gate();
    expect(report.ok).toBe(false);
    const violations = violationsOf(report);
    expect(violations).toContainEqual(expect.objectContaining({ ...variant.expected, severity: "violation" }));
    // the drift is pinned on the operation that drifted, not smeared over the others
    expect(new Set(violations.map((v) => v.operationId))).toEqual(new Set([variant.expected.operationId]));
    if (variant.message) {
      expect(violations.some((v) => variant.message!.test(v.message)), JSON.stringify(violations)).toBe(true);
    }
    expect(report.checks.some((c) => !c.ok && c.operationId === variant.expected.operationId)).toBe(true);
  });

  it("has at least 10 drift variants", () => {
    expect(variants.length).toBeGreaterThanOrEqual(10);
  });

  it("reports a server that cannot be reached as a violation of every check", async () => {
    const closed = await startUpstream();
    await closed.close();
    const report = await runLiveGate({ target: closed.url, apiKey: KEY, email: EMAIL });
    expect(report.ok).toBe(false);
    expect(report.checks.every((c) => !c.ok)).toBe(true);
  });
});

describe("dry run", () => {
  it("sends nothing and lists every request with the credential redacted", async () => {
    let fetched = 0;
    const countingFetch: typeof fetch = (...args) => {
      fetched++;
      return fetch(...args);
    };
    const report = await gate({ dryRun: true, fetch: countingFetch });
    expect(fetched).toBe(0);
    expect(upstream.requests).toHaveLength(0);
    expect(report.dryRun).toBe(true);
    expect(report.requests!.length).toBeGreaterThanOrEqual(spec.operations.length * 2);
    for (const r of report.requests!) {
      expect(r.url.startsWith(upstream.url)).toBe(true);
      if (r.headers.authorization) expect(r.headers.authorization).toBe("Basic [REDACTED]");
    }
    expect(report.requests).toContainEqual(
      expect.objectContaining({ operationId: R, check: VALID, method: "POST", body: { email: EMAIL } }),
    );
    const shown = formatLiveReport(report);
    expect(shown).toContain(`POST ${upstream.url}/invitations/recipient`);
    expect(shown).toContain("authorization: Basic [REDACTED]");
    expectNoSecret(shown + JSON.stringify(report));
  });

  it("liveMain --dry-run sends nothing and writes no report", async () => {
    const output = captureConsole();
    const code = await liveMain(["--target", upstream.url, "--dry-run", "--report-dir", reportDir], {
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
    });
    expect(code).toBe(0);
    expect(upstream.requests).toHaveLength(0);
    expect(existsSync(join(reportDir, "contract-live.json"))).toBe(false);
    expect(output()).toContain("nothing was sent");
    expectNoSecret(output());
  });
});

describe("liveMain refuses to start", () => {
  it("without LEADCONDUIT_CONTRACT_EMAIL, sending nothing", async () => {
    const output = captureConsole();
    const code = await liveMain(["--target", upstream.url, "--report-dir", reportDir], { LEADCONDUIT_API_KEY: KEY });
    expect(code).not.toBe(0);
    expect(upstream.requests).toHaveLength(0);
    expect(output()).toMatch(/LEADCONDUIT_CONTRACT_EMAIL/);
    expect(existsSync(join(reportDir, "contract-live.json"))).toBe(false);
    expectNoSecret(output());
  });

  it("without an API key, even in a dry run", async () => {
    const output = captureConsole();
    const code = await liveMain(["--target", upstream.url, "--dry-run"], { LEADCONDUIT_CONTRACT_EMAIL: EMAIL });
    expect(code).not.toBe(0);
    expect(upstream.requests).toHaveLength(0);
    expect(output()).toMatch(/LEADCONDUIT_API_KEY/);
  });

  it("without a target, and with an unknown argument", async () => {
    const env = { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL };
    captureConsole();
    expect(await liveMain([], env)).not.toBe(0);
    expect(await liveMain(["--target", upstream.url, "--bogus"], env)).not.toBe(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it("when the contract email breaks the spec's request schema, or the target is plain http elsewhere", async () => {
    const output = captureConsole();
    expect(await liveMain(["--target", upstream.url], { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: "not an address" })).toBe(2);
    expect(await liveMain(["--target", "http://api.example.com"], { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL })).toBe(2);
    expect(upstream.requests).toHaveLength(0);
    expect(output()).toMatch(/request schema/);
    expectNoSecret(output());
  });
});

describe("reports and the key", () => {
  // A server that echoes what it was sent, in every kind of answer the gate quotes.
  const echo: Tamper = (ctx, answer) => {
    const said = `key ${KEY} header ${ctx.request.headers.authorization ?? "none"}`;
    if (ctx.operationId === R && ctx.kind === "valid") return { status: 500, headers: { "content-type": "text/plain" }, body: said };
    if (ctx.kind === "no-credentials") return json(401, { error: `authentication failed, expected ${KEY}` });
    if (ctx.kind === "bad-body") return json(400, { error: said });
    return answer;
  };

  it("liveMain writes well-formed JSON and JUnit reports and exits 1 on violations; the key appears nowhere", async () => {
    upstream.tamper = echo;
    const output = captureConsole();
    const code = await liveMain(["--target", upstream.url, "--report-dir", reportDir], {
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
    });
    expect(code).toBe(1);
    // the server did echo the key: the gate saw it and took it out
    expect(output()).toContain("[REDACTED]");
    expectNoSecret(output());

    const jsonText = readFileSync(join(reportDir, "contract-live.json"), "utf8");
    const junitText = readFileSync(join(reportDir, "contract-live.junit.xml"), "utf8");
    expectNoSecret(jsonText);
    expectNoSecret(junitText);

    const report = JSON.parse(jsonText) as LiveGateReport;
    expect(report.ok).toBe(false);
    expect(report.target).toBe(upstream.url);
    expect(report.findings).toContainEqual(expect.objectContaining({ operationId: R, check: VALID, status: 500 }));
    for (const f of report.findings) expectNoSecret(JSON.stringify(f));

    expect(XMLValidator.validate(junitText)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(junitText);
    const suite = parsed.testsuites.testsuite;
    const cases = [suite.testcase].flat() as { classname: string; name: string; failure?: unknown }[];
    expect(cases).toHaveLength(report.checks.length);
    expect(Number(suite.failures)).toBe(report.checks.filter((c) => !c.ok).length);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(report.checks.filter((c) => !c.ok).length);
    expect(cases.map((c) => c.classname)).toEqual(expect.arrayContaining(spec.operations.map((op) => op.operationId)));
  });

  it("a passing run exits 0 and its reports hold no failure", async () => {
    const output = captureConsole();
    const code = await liveMain(["--target", upstream.url, "--report-dir", reportDir], {
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
    });
    expect(code).toBe(0);
    expect(output()).toMatch(/PASSED/);
    const junitText = readFileSync(join(reportDir, "contract-live.junit.xml"), "utf8");
    expect(XMLValidator.validate(junitText)).toBe(true);
    expect(junitText).not.toContain("<failure");
    expect(JSON.parse(readFileSync(join(reportDir, "contract-live.json"), "utf8")).ok).toBe(true);
  });

  it("writeReports escapes what a server sent so the XML stays well-formed", async () => {
    upstream.tamper = when(R, "valid", () => ({ status: 500, headers: { "content-type": "text/html" }, body: `<b>"&'</b>\u0001\u0000]]>` }));
    const report = await gate();
    const files = writeReports(report, reportDir);
    expect(XMLValidator.validate(readFileSync(files.junit, "utf8"))).toBe(true);
    expect(JSON.parse(readFileSync(files.json, "utf8"))).toEqual(report);
  });
});
