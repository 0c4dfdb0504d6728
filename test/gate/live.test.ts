// The live gate must pass a server that keeps the spec and fail each way a real server drifts
// from it. The upstream is a real HTTP server on loopback whose answers come from the spec
// itself (contract-tests/lib/stand-in-server.ts); each broken variant bends one answer.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationOf, spec } from "../../contract-tests/lib/spec.ts";
import {
  echoing,
  entityOf,
  json,
  type StandIn,
  startStandIn,
  type Tamper,
  when,
} from "../../contract-tests/lib/stand-in-server.ts";
import { successStatus } from "../../contract-tests/lib/targets.ts";
import { repoDeps } from "../../scripts/lib/contract/repo.ts";
import { PATHS } from "../../scripts/lib/paths.ts";
import { yamlLocator } from "../../scripts/lib/spec-locate.ts";
import { basicAuthorization } from "../../src/client/auth.ts";
import { runCli } from "../../src/gate/cli/main.ts";
import { LIVE_TARGET, type LiveGateOptions, runLiveGate } from "../../src/gate/live/gate.ts";
import { CHECK, planProbes, urlOf } from "../../src/gate/live/plan.ts";
import type { ContractReport, Finding } from "../../src/gate/report/model.ts";
import { publishReport } from "../../src/gate/report/publish.ts";
import { makeInvitationResponse } from "../../src/testing/index.ts";
import { captureIo } from "../support/capture.ts";
import { type FaultServer, startFaultServer } from "../support/fault-server.ts";

const KEY = "sk-live-DO-NOT-LEAK-42";
const AUTHORIZATION = basicAuthorization(KEY);
const ENCODED_KEY = AUTHORIZATION.slice("Basic ".length);
const EMAIL = "contract-gate@example.com";

const locate = yamlLocator(PATHS.spec, PATHS.specRelative);

const R = "createRecipientInvitation";
const S = "createSourceInvitation";
const P = "resendInvitation";
/** The operations that create an entity: the ones without a path parameter. */
const CREATES = spec.operations.filter((o) => o.pathParams.length === 0).map((o) => o.operationId);
const VALID = CHECK.valid;
const NO_CREDENTIALS = CHECK.noCredentials;
const BAD_BODY = expect.stringMatching(/^bad-body /);

interface Variant {
  name: string;
  tamper: Tamper;
  expected: Partial<Record<keyof Finding, unknown>>;
  message?: RegExp;
  /** the spec line the violation points at, when it names one */
  line?: RegExp;
}

const variants: Variant[] = [
  {
    name: "a required Entity field is missing",
    tamper: entityOf(R, (e) => delete e.name),
    expected: { operationId: R, case: VALID, status: 200, path: "/entity/name" },
    line: /^\s+required:/,
  },
  {
    name: "an enum field carries a value the spec does not list",
    tamper: entityOf(S, (e) => (e.source = "robot")),
    expected: { operationId: S, case: VALID, status: 200, path: "/entity/source" },
  },
  {
    name: "an open enum carries a value the spec does not list yet (clients take it; the spec must list it)",
    tamper: entityOf(R, (e) => (e.recipient = "dialer")),
    expected: { operationId: R, case: VALID, status: 200, path: "/entity/recipient" },
    line: /^\s+enum:/,
  },
  {
    name: "a closed enum carries a value the spec does not list",
    tamper: entityOf(P, (e) => (e.connected = "partner")),
    expected: { operationId: P, case: VALID, status: 200, path: "/entity/connected" },
  },
  {
    name: "the entity carries a field the spec does not list (clients take it; the spec must list it)",
    tamper: entityOf(S, (e) => (e.team_size = 12)),
    expected: { operationId: S, case: VALID, status: 200, path: "/entity/team_size" },
    message: /\/entity\/team_size is not in the spec: the server sends a property the spec does not list; list it/,
  },
  {
    name: "the 401 envelope carries a field the spec does not list",
    tamper: when(R, "no-credentials", (a) => ({
      ...a,
      body: JSON.stringify({ error: "authentication failed", code: 7 }),
    })),
    expected: { operationId: R, case: NO_CREDENTIALS, status: 401, path: "/code" },
  },
  {
    name: "a boolean field comes as a string",
    tamper: entityOf(P, (e) => (e.pending = "yes")),
    expected: { operationId: P, case: VALID, status: 200, path: "/entity/pending" },
    line: /^\s+type: boolean/,
  },
  {
    name: "the entity id breaks the BSON id pattern",
    tamper: entityOf(R, (e) => (e.id = "5fd4371e940df5a34a3888bZ")),
    expected: { operationId: R, case: VALID, status: 200, path: "/entity/id" },
    line: /^\s+pattern:/,
  },
  {
    name: "null where the spec forbids it (flow_ids, as older snapshots had it)",
    tamper: entityOf(S, (e) => (e.flow_ids = null)),
    expected: { operationId: S, case: VALID, status: 200, path: "/entity/flow_ids" },
  },
  {
    name: "a date-time field is not a date-time",
    tamper: entityOf(P, (e) => (e.created_at = "yesterday")),
    expected: { operationId: P, case: VALID, status: 200, path: "/entity/created_at" },
  },
  {
    name: "field_suffix longer than the spec allows",
    tamper: entityOf(S, (e) => (e.field_suffix = "muchtoolong")),
    expected: { operationId: S, case: VALID, status: 200, path: "/entity/field_suffix" },
  },
  {
    name: "message is a number",
    tamper: when(R, "valid", (a) => ({ ...a, body: JSON.stringify({ ...JSON.parse(a.body), message: 42 }) })),
    expected: { operationId: R, case: VALID, status: 200, path: "/message" },
  },
  {
    name: "a new invitation answers 201, which the spec does not document",
    tamper: when(R, "valid", (a) => ({ ...a, status: 201 })),
    expected: { operationId: R, case: VALID, status: 201 },
    message: /201 is not documented for createRecipientInvitation; the spec must then document it/,
  },
  {
    name: "the content type is text/html",
    tamper: when(P, "valid", (a) => ({ ...a, headers: { "content-type": "text/html; charset=utf-8" } })),
    expected: { operationId: P, case: VALID, status: 200 },
    message: /content type "text\/html; charset=utf-8" is not application\/json/,
  },
  {
    name: "the body is not JSON",
    tamper: when(R, "valid", (a) => ({ ...a, body: "<html><body>Invitation sent</body></html>" })),
    expected: { operationId: R, case: VALID, status: 200, path: "/" },
    message: /not JSON/,
  },
  {
    name: "a valid call answers 500",
    tamper: when(P, "valid", () => json(500, { error: "internal error" })),
    expected: { operationId: P, case: VALID, status: 500 },
    message: /500 is not documented/,
  },
  {
    name: "a redirect instead of an answer",
    tamper: when(S, "valid", () => ({ status: 302, headers: { location: "https://elsewhere.example/" }, body: "" })),
    expected: { operationId: S, case: VALID, status: 302 },
  },
  {
    name: "the 401 envelope changed",
    tamper: when(S, "no-credentials", (a) => ({ ...a, body: JSON.stringify({ message: "Unauthorized" }) })),
    expected: { operationId: S, case: NO_CREDENTIALS, status: 401, path: "/error" },
  },
  {
    name: "the 401 comes as text/plain",
    tamper: when(P, "no-credentials", (a) => ({ ...a, headers: { "content-type": "text/plain" } })),
    expected: { operationId: P, case: NO_CREDENTIALS, status: 401 },
    message: /content type "text\/plain" is not application\/json/,
  },
  {
    name: "a call without credentials is served",
    tamper: (ctx, a) =>
      ctx.operationId === R && ctx.kind === "no-credentials" ? json(200, makeInvitationResponse()) : a,
    expected: { operationId: R, case: NO_CREDENTIALS, status: 200 },
    message: /expected 401/,
  },
  {
    name: "a bad body is accepted with 200",
    tamper: when(S, "bad-body", () => json(200, makeInvitationResponse())),
    expected: { operationId: S, case: BAD_BODY, status: 200 },
    message: /accepted with 200/,
  },
  {
    name: "a bad body answers 500",
    tamper: when(R, "bad-body", () => json(500, { error: "TypeError: email.toLowerCase is not a function" })),
    expected: { operationId: R, case: BAD_BODY, status: 500 },
  },
];

let upstream: StandIn;
let reportDir: string;

beforeAll(async () => {
  upstream = await startStandIn(KEY);
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
});

async function gate(extra: Partial<LiveGateOptions> = {}): Promise<ContractReport> {
  const result = await runLiveGate({
    spec,
    specFile: PATHS.specRelative,
    locate,
    target: upstream.url,
    apiKey: KEY,
    email: EMAIL,
    ...extra,
  });
  if (result.dryRun) throw new Error("expected a live run");
  return result.report;
}

const live = (
  argv: string[],
  env: Record<string, string | undefined> = { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: EMAIL },
) => {
  const io = captureIo(env);
  return runCli(argv, io, repoDeps).then((code) => ({ code, io }));
};

function expectNoSecret(text: string) {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain(ENCODED_KEY);
  expect(text).not.toContain("DO-NOT-LEAK");
}

describe("planning the probes", () => {
  const rejects = (op: (typeof spec.operations)[number], body: unknown) =>
    !!op.body && (body as { email?: unknown }).email === undefined;

  it("puts operations that need an entity id after the ones that create it, and one that deletes last; each with a valid call and a call without credentials", () => {
    // in the reverse of the spec's order, so the planner's own order is what is seen
    const reversed = { ...spec, operations: [...spec.operations].reverse() };
    const probes = planProbes(reversed, EMAIL, rejects);
    const order = [...new Set(probes.map((p) => p.operationId))];
    const rank = (id: string) => {
      const op = operationOf(spec, id);
      return op.method === "DELETE" ? 2 : op.pathParams.length > 0 ? 1 : 0;
    };
    expect(order.map(rank)).toEqual(order.map(rank).sort());
    expect(order.indexOf(P)).toBeGreaterThan(Math.max(order.indexOf(R), order.indexOf(S)));
    for (const op of spec.operations) {
      const mine = probes.filter((p) => p.operationId === op.operationId);
      expect(mine.slice(0, 2).map((p) => p.check)).toEqual([VALID, NO_CREDENTIALS]);
      // only the bodies the spec refuses are sent as bad bodies
      const bad = mine.filter((p) => p.check.startsWith("bad-body")).map((p) => p.body);
      expect(bad).toEqual(op.body ? [{}] : []);
    }
  });

  it("fills a path with the created entity, the spec's example for a probe refused before lookup, or nothing", () => {
    const probes = planProbes(spec, EMAIL, rejects).filter((p) => p.operationId === P);
    const [valid, noCredentials] = probes;
    expect(urlOf("https://x.test", valid!, undefined, false)).toBeUndefined();
    expect(urlOf("https://x.test", valid!, "64b8f0f5e4b0c3a1d5e6f7a8", false)).toBe(
      "https://x.test/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend",
    );
    expect(urlOf("https://x.test", noCredentials!, undefined, false)).toBe(
      `https://x.test/invitations/${operationOf(spec, P).pathParams[0]!.example}/resend`,
    );
    expect(urlOf("https://x.test", valid!, undefined, true)).toBe("https://x.test/invitations/{entityId}/resend");
    expect(urlOf("https://x.test", valid!, "a/b", false)).toBe("https://x.test/invitations/a%2Fb/resend");
  });
});

describe("live gate against a conforming server", () => {
  it("passes, covering every operation with a valid call, a call without credentials and bad bodies", async () => {
    const created: string[] = [];
    upstream.tamper = (ctx, answer) => {
      if (ctx.kind === "valid" && CREATES.includes(ctx.operationId)) created.push(JSON.parse(answer.body).entity.id);
      return undefined;
    };
    const report = await gate();
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report).toMatchObject({
      format: "leadconduit-contract-report/1",
      mode: "live",
      targets: [{ name: LIVE_TARGET, url: upstream.url }],
    });
    for (const op of spec.operations) {
      const names = report.cases.filter((c) => c.operationId === op.operationId).map((c) => c.name);
      expect(names).toContain(VALID);
      expect(names).toContain(NO_CREDENTIALS);
      if (op.body) expect(names.filter((n) => n.startsWith("bad-body "))).toHaveLength(2);
    }
    // resend went to the id the first create call returned, with the Basic header the spec describes
    const createdId = created[0];
    expect(createdId).toMatch(/^[0-9a-f]{24}$/);
    expect(upstream.requests).toContainEqual({
      method: "PUT",
      url: `/invitations/${createdId}/resend`,
      authorization: AUTHORIZATION,
    });
    expect(upstream.requests.filter((r) => !r.authorization)).toHaveLength(spec.operations.length);
    // every documented (operation, status) pair a probe can cause was exercised: the success, the
    // 401, a bad body's refusal; no probe asks for an entity that does not exist (a 404)
    const causable = (op: (typeof spec.operations)[number], status: string) =>
      status === String(successStatus(op)) || status === "401" || (op.body !== undefined && status === "422");
    expect(report.coverage.missing).toEqual(
      spec.operations.flatMap((op) =>
        op.responses
          .filter((r) => !causable(op, r.status))
          .map((r) => ({ target: LIVE_TARGET, operationId: op.operationId, status: Number(r.status) })),
      ),
    );
    expect(report.steps.map((s) => s.name)).toEqual(
      expect.arrayContaining(spec.operations.map((o) => `check ${o.operationId}`)),
    );
  });

  it("reports which 4xx refused a bad body as a finding that does not fail the gate", async () => {
    const report = await gate();
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f).toMatchObject({ case: BAD_BODY, status: 422 });
    upstream.tamper = (ctx, a) => (ctx.kind === "bad-body" ? { ...a, status: 400 } : undefined);
    const with400 = await gate();
    expect(with400.ok).toBe(true);
    expect(with400.findings).toContainEqual(expect.objectContaining({ status: 400, case: BAD_BODY }));
  });

  it("resends the entity it is given instead of the created one", async () => {
    await gate({ entityId: "64b8f0f5e4b0c3a1d5e6f7a8" });
    expect(upstream.requests).toContainEqual(
      expect.objectContaining({ method: "PUT", url: "/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend" }),
    );
  });
});

describe("live gate catches drift", () => {
  it.each(variants.map((v) => [v.name, v] as const))("fails when %s", async (_name, variant) => {
    upstream.tamper = variant.tamper;
    const report = await gate();
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ ...variant.expected, target: LIVE_TARGET }));
    // the drift is pinned on the operation that drifted, not smeared over the others
    expect(new Set(report.violations.map((v) => v.operationId))).toEqual(new Set([variant.expected.operationId]));
    if (variant.message) {
      expect(
        report.violations.some((v) => variant.message!.test(v.message)),
        JSON.stringify(report.violations),
      ).toBe(true);
    }
    if (variant.line) {
      // the violation names the line of the broken schema keyword in spec/leadconduit.yaml
      const lines = readFileSync(PATHS.spec, "utf8").split("\n");
      const located = report.violations.find((v) => v.path === variant.expected.path)!.location!;
      expect(located.file).toBe("spec/leadconduit.yaml");
      expect(lines[located.line! - 1]).toMatch(variant.line);
    }
    expect(report.cases.some((c) => c.status === "failed" && c.operationId === variant.expected.operationId)).toBe(
      true,
    );
  });

  it("times each probe (JUnit durations are real)", async () => {
    let clock = 0;
    upstream.tamper = (ctx, answer) => {
      if (ctx.operationId === S && ctx.kind === "valid") clock += 50; // the server is slow on this one
      return answer;
    };
    const report = await gate({ now: () => clock });
    const slow = report.cases.find((c) => c.operationId === S && c.name === VALID)!;
    expect(slow.ms).toBe(50);
    expect(report.cases.filter((c) => c.ms !== 0).map((c) => c.name)).toEqual([VALID]);
    expect(report.steps.find((s) => s.name === `check ${S}`)!.ms).toBe(50);
  });
});

describe("could not check: exit 3, never a verdict", () => {
  let faults: FaultServer;
  beforeAll(async () => {
    faults = await startFaultServer();
  });
  afterAll(async () => {
    await faults.close();
  });

  async function closedPort(): Promise<string> {
    const closed = await startStandIn(KEY);
    await closed.close();
    return closed.url;
  }

  it("a target that refuses connections: the first request is named with the cause, nothing after it is run, no violation", async () => {
    const target = await closedPort();
    const report = await gate({ target });
    const first = planProbes(spec, EMAIL, () => false)[0]!;
    expect(report.unchecked).toEqual({
      cause: "connection refused (ECONNREFUSED)",
      request: `${first.method} ${target}${first.path}`,
      operationId: first.operationId,
      case: VALID,
    });
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual([]);
    expect(report.cases[0]).toMatchObject({ status: "unchecked", note: "connection refused (ECONNREFUSED)" });
    expect(report.cases.slice(1).map((c) => c.status)).toEqual(report.cases.slice(1).map(() => "skipped"));
    expect(report.cases.slice(1).every((c) => /^not run: the run stopped at /.test(c.note!))).toBe(true);
  });

  it("a target on a port fetch blocks (9, discard): nothing was sent, and the cause says so rather than 'no answer'", async () => {
    const report = await gate({ target: "http://127.0.0.1:9" });
    expect(report.unchecked?.cause).toBe(
      "not sent: fetch refuses the target's port, one the Fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking); use another port",
    );
    expect(report.violations).toEqual([]);
  });

  it("a target that accepts and never answers: stopped by --timeout at the first request, which is the only one sent", async () => {
    const report = await gate({ target: `${faults.url}/hang~gate`, timeoutMs: 200 });
    expect(report.unchecked).toMatchObject({
      cause: "no answer within 200 ms (--timeout)",
      request: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/hang~gate\/invitations\//),
    });
    expect(faults.count("hang~gate")).toBe(1);
    expect(report.violations).toEqual([]);
  });

  it("a body cut off mid-answer is no answer either", async () => {
    const report = await gate({ target: `${faults.url}/reset-mid-response~gate` });
    expect(report.unchecked?.cause).toMatch(/^no answer: /);
    expect(report.violations).toEqual([]);
  });

  it("exit 3 even after a violation was seen, which the report still lists", async () => {
    let sent = 0;
    const flaky: typeof fetch = (input, init) => {
      // the first answer drifts, then the server is gone
      if (++sent > 1) return Promise.reject(new TypeError("fetch failed", { cause: new Error("socket hang up") }));
      return fetch(input, init);
    };
    upstream.tamper = entityOf(R, (e) => delete e.name);
    const report = await gate({ fetch: flaky });
    expect(report.violations).toContainEqual(expect.objectContaining({ operationId: R, path: "/entity/name" }));
    expect(report.unchecked?.cause).toBe("no answer: TypeError: fetch failed (socket hang up)");
  });

  it('the command line: exit 3 naming the cause and the request; JUnit shows an <error>, the summary "could not check", and no key anywhere', async () => {
    const target = await closedPort();
    const summary = join(reportDir, "summary.md");
    const { code, io } = await live(["--target", target, "--report-dir", reportDir], {
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(code).toBe(3);
    expect(io.text()).toMatch(
      /could not check: connection refused \(ECONNREFUSED\), at POST http:\/\/127\.0\.0\.1:\d+\/invitations\//,
    );
    expect(io.text()).toMatch(/: COULD NOT CHECK$/m);
    const junit = readFileSync(join(reportDir, "contract-live.junit.xml"), "utf8");
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toMatch(/<testsuites [^>]*failures="0" errors="1"/);
    expect(junit).toContain('<error type="unchecked" message="could not check: connection refused (ECONNREFUSED)"');
    expect(junit).not.toContain("<failure");
    const summaryText = readFileSync(summary, "utf8");
    expect(summaryText).toMatch(/^## ⚠️ Contract gate \(live\) against .*: COULD NOT CHECK$/m);
    expect(summaryText).toMatch(/> \*\*Exit 3, could not check: connection refused/);
    for (const text of [io.text(), junit, summaryText]) expectNoSecret(text);
  });
});

describe("--operation", () => {
  it("checks only the operations named, and answers for their pairs only", async () => {
    const report = await gate({ operations: [S] });
    expect(new Set(report.cases.map((c) => c.operationId))).toEqual(new Set([S]));
    expect(new Set(upstream.requests.map((r) => r.url))).toEqual(new Set(["/invitations/source"]));
    expect(new Set(report.coverage.rows.map((r) => r.operationId))).toEqual(new Set([S]));
    expect(report.operations).toEqual([S]);
    expect(report.ok).toBe(true);
  });

  it("an operation that needs an entity runs with --entity-id", async () => {
    const report = await gate({ operations: [P], entityId: "64b8f0f5e4b0c3a1d5e6f7a8" });
    expect(report.ok).toBe(true);
    expect(upstream.requests.map((r) => r.url)).toContain("/invitations/64b8f0f5e4b0c3a1d5e6f7a8/resend");
    expect(new Set(report.cases.map((c) => c.operationId))).toEqual(new Set([P]));
  });

  it.each([
    [
      ["--operation", "getStatus"],
      `--operation "getStatus": not in the spec, whose operations are ${spec.operations.map((o) => o.operationId).join(", ")}`,
    ],
    [
      ["--operation", P],
      `--operation resendInvitation needs an entity to call: pass --entity-id <id>, or add an --operation that creates one (${CREATES.join(", ")})`,
    ],
  ])("%j is refused with exit 2, before anything is sent", async (argv, said) => {
    const { code, io } = await live(["--target", upstream.url, ...argv]);
    expect(code).toBe(2);
    expect(io.err.join("\n")).toContain(said);
    expect(upstream.requests).toHaveLength(0);
  });

  it("the command line passes every --operation and --timeout on", async () => {
    const { code, io } = await live([
      "--target",
      upstream.url,
      "--operation",
      R,
      "--operation",
      S,
      "--timeout",
      "5000",
      "--report-dir",
      reportDir,
    ]);
    expect(code, io.text()).toBe(0);
    expect(new Set(upstream.requests.map((r) => r.url))).toEqual(
      new Set(["/invitations/recipient", "/invitations/source"]),
    );
    expect(io.text()).toContain(`(only ${R}, ${S}): PASSED`);
  });
});

describe("dry run", () => {
  it("sends nothing and lists every request with the credential redacted, without key or email", async () => {
    let fetched = 0;
    const counting: typeof fetch = (...args) => {
      fetched++;
      return fetch(...args);
    };
    const result = await runLiveGate({
      spec,
      specFile: PATHS.specRelative,
      target: upstream.url,
      dryRun: true,
      fetch: counting,
    });
    expect(fetched).toBe(0);
    expect(upstream.requests).toHaveLength(0);
    if (!result.dryRun) throw new Error("expected a dry run");
    expect(result.requests.length).toBeGreaterThanOrEqual(spec.operations.length * 2);
    for (const r of result.requests) {
      expect(r.url.startsWith(upstream.url)).toBe(true);
      if (r.headers.authorization) expect(r.headers.authorization).toBe("Basic [REDACTED]");
    }
    expect(result.requests).toContainEqual(
      expect.objectContaining({
        operationId: R,
        check: VALID,
        method: "POST",
        body: { email: "<LEADCONDUIT_CONTRACT_EMAIL>" },
      }),
    );
  });

  it("--dry-run needs neither key nor email, sends nothing and writes no report", async () => {
    const { code, io } = await live(["--target", upstream.url, "--dry-run", "--report-dir", reportDir], {});
    expect(code).toBe(0);
    expect(upstream.requests).toHaveLength(0);
    expect(existsSync(join(reportDir, "contract-live.json"))).toBe(false);
    expect(io.text()).toContain("nothing was sent");
    expect(io.text()).toContain(`POST ${upstream.url}/invitations/recipient`);
    expect(io.text()).toContain("authorization: Basic [REDACTED]");
  });

  it("with a key in the environment, shows none of it", async () => {
    const { code, io } = await live(["--target", upstream.url, "--dry-run"]);
    expect(code).toBe(0);
    expect(io.text()).toContain(`"email":"${EMAIL}"`);
    expectNoSecret(io.text());
  });
});

describe("refusals (exit 2, nothing sent)", () => {
  it.each([
    ["without LEADCONDUIT_CONTRACT_EMAIL", { LEADCONDUIT_API_KEY: KEY }, /LEADCONDUIT_CONTRACT_EMAIL/],
    ["without LEADCONDUIT_API_KEY", { LEADCONDUIT_CONTRACT_EMAIL: EMAIL }, /LEADCONDUIT_API_KEY/],
    [
      "with an email the spec's request schema refuses",
      { LEADCONDUIT_API_KEY: KEY, LEADCONDUIT_CONTRACT_EMAIL: "not an address" },
      /request schema/,
    ],
  ])("%s", async (_name, env, said) => {
    const { code, io } = await live(["--target", upstream.url, "--report-dir", reportDir], env);
    expect(code).toBe(2);
    expect(upstream.requests).toHaveLength(0);
    expect(io.err.join("\n")).toMatch(said);
    expect(io.err).toHaveLength(1);
    expect(existsSync(join(reportDir, "contract-live.json"))).toBe(false);
    expectNoSecret(io.text());
  });

  it("with an operation whose example body breaks its own schema: the valid call would only test the refusal", async () => {
    const op = spec.operations.find((o) => o.body)!;
    const wrong = { ...op, body: { ...op.body!, examples: { wrong: { unexpected: true } } } };
    const broken = { ...spec, operations: spec.operations.map((o) => (o === op ? wrong : o)) };
    await expect(gate({ spec: broken })).rejects.toThrow(
      `the spec's example body of ${op.operationId} breaks its own request schema, and a valid call sends it`,
    );
    expect(upstream.requests).toHaveLength(0);
  });

  it("with plain http to a host that is not loopback, or a malformed --entity-id", async () => {
    expect((await live(["--target", "http://api.example.com"])).code).toBe(2);
    const bad = await live(["--target", upstream.url, "--entity-id", "not-an-id"]);
    expect(bad.code).toBe(2);
    expect(bad.io.err.join("\n")).toMatch(/--entity-id "not-an-id" is not a valid entityId/);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe("reports and the key", () => {
  it("a server that echoes the key: exit 1, JSON, JUnit and summary well-formed, the key nowhere", async () => {
    upstream.tamper = echoing(KEY, R);
    const summary = join(reportDir, "summary.md");
    const { code, io } = await live(["--target", upstream.url, "--report-dir", reportDir], {
      LEADCONDUIT_API_KEY: KEY,
      LEADCONDUIT_CONTRACT_EMAIL: EMAIL,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTIONS: "true",
    });
    expect(code).toBe(1);
    // the server did echo the key: the gate saw it and took it out
    expect(io.text()).toContain("[REDACTED]");
    expect(io.text()).toContain("::error ");
    const jsonText = readFileSync(join(reportDir, "contract-live.json"), "utf8");
    const junitText = readFileSync(join(reportDir, "contract-live.junit.xml"), "utf8");
    const summaryText = readFileSync(summary, "utf8");
    for (const text of [io.text(), jsonText, junitText, summaryText]) expectNoSecret(text);

    const report = JSON.parse(jsonText) as ContractReport;
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ operationId: R, case: VALID, status: 500 }));
    expect(XMLValidator.validate(junitText)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(junitText);
    const cases = [parsed.testsuites.testsuite].flat().flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as {
      failure?: unknown;
    }[];
    expect(cases).toHaveLength(report.cases.length);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(
      report.cases.filter((c) => c.status === "failed").length,
    );
    expect(summaryText).toContain("Contract gate (live)");
  });

  it("a passing run exits 0 and its reports hold no failure", async () => {
    const { code, io } = await live(["--target", upstream.url, "--report-dir", reportDir]);
    expect(code).toBe(0);
    expect(io.text()).toMatch(/PASSED/);
    const junitText = readFileSync(join(reportDir, "contract-live.junit.xml"), "utf8");
    expect(XMLValidator.validate(junitText)).toBe(true);
    expect(junitText).not.toContain("<failure");
    expect(JSON.parse(readFileSync(join(reportDir, "contract-live.json"), "utf8")).ok).toBe(true);
  });

  it("publishReport escapes what a server sent so the XML stays well-formed", async () => {
    upstream.tamper = when(R, "valid", () => ({
      status: 500,
      headers: { "content-type": "text/html" },
      body: `<b>"&'</b>\u0001\u0000]]>`,
    }));
    const report = await gate();
    const files = publishReport(report, { reportDir, env: {}, log: () => {} });
    expect(XMLValidator.validate(readFileSync(files.junit, "utf8"))).toBe(true);
    expect(JSON.parse(readFileSync(files.json, "utf8"))).toEqual(report);
  });
});
