// The property test's machinery, on real loopback servers (two of the kit's mocks standing in for
// the targets, one of them bent): it passes what agrees or what a row explains, fails what no row
// explains, never sends the reference a request a row says it exits on, and holds the target to
// its row. Its settings come from the environment, and a bad value is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Probe } from "../../contract-tests/lib/probes.ts";
import { checkProbe, type PropertyTargets, PropertyViolation } from "../../contract-tests/lib/property.ts";
import {
  DEFAULT_RUNS,
  DEFAULT_SEED,
  propertySettings,
  replayCommand,
} from "../../contract-tests/lib/property-settings.ts";
import { type StandIn, startStandIn, type Tamper } from "../../contract-tests/lib/stand-in-server.ts";
import { REFERENCE, TARGETS } from "../../contract-tests/lib/targets.ts";

const TARGET = TARGETS.find((t) => t !== REFERENCE)!;
const VALID: Probe = {
  operationId: "createRecipientInvitation",
  method: "POST",
  path: "/invitations/recipient",
  query: "",
  accept: undefined,
  contentType: "application/json",
  credentials: {
    kind: "basic",
    scheme: "Basic",
    gap: " ",
    user: "API",
    password: { kind: "key" },
    bytes: "utf-8",
    base64: "standard",
    trailing: "",
  },
  body: { text: JSON.stringify({ email: "mike.jones@example.com" }), encoding: "utf-8" },
  headers: [],
};

/** A server that answers 500 to any request whose header `name` is `value`, else as the kit's mock. */
const fiveHundredOn =
  (name: string, value: string): Tamper =>
  (ctx, answer) =>
    ctx.request.headers.get(name) === value ? { status: 500, headers: {}, body: "broken" } : answer;

describe("checkProbe", () => {
  let servers: StandIn[] = [];
  const serve = async (apiKey: string, tamper?: Tamper) => {
    const server = await startStandIn(apiKey, tamper);
    servers.push(server);
    return server;
  };
  const targetsOf = (target: StandIn, reference: StandIn): PropertyTargets => ({
    target: { target: TARGET, url: target.url },
    reference: { target: REFERENCE, url: reference.url },
  });
  let plain: PropertyTargets;
  let reference: StandIn;

  beforeAll(async () => {
    reference = await serve(REFERENCE.apiKey);
    plain = targetsOf(await serve(TARGET.apiKey), reference);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it("passes a request both answer alike", async () => {
    expect(await checkProbe(VALID, plain)).toEqual({ kind: "agreed", sent: 2 });
  });

  it("fails a difference no row is about, showing the request and both answers", async () => {
    const bent = await serve(REFERENCE.apiKey, (ctx, answer) =>
      ctx.kind === "valid" ? { ...answer, status: 201 } : answer,
    );
    const error = await checkProbe(VALID, { ...plain, reference: { target: REFERENCE, url: bent.url } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PropertyViolation);
    expect((error as Error).message).toMatch(
      /no row of the target table explains it \(rows about this request: none\)/,
    );
    expect((error as Error).message).toMatch(/POST \/invitations\/recipient[\s\S]*mock: 200[\s\S]*prism: 201/);
  });

  it("passes a difference a row is about, with the statuses it gives, and names the row", async () => {
    const probe: Probe = { ...VALID, contentType: "application/json x" };
    const bent = await serve(REFERENCE.apiKey, fiveHundredOn("content-type", "application/json x"));
    expect(await checkProbe(probe, { ...plain, reference: { target: REFERENCE, url: bent.url } })).toEqual({
      kind: "explained",
      rows: ["unreadableMediaType"],
      sent: 2,
    });
  });

  it("fails a difference a row is about when the statuses are not the row's", async () => {
    const probe: Probe = { ...VALID, contentType: "application/json x" };
    const bent = await serve(REFERENCE.apiKey, (ctx, answer) =>
      ctx.request.headers.get("content-type") === "application/json x" ? { ...answer, status: 409 } : answer,
    );
    await expect(checkProbe(probe, { ...plain, reference: { target: REFERENCE, url: bent.url } })).rejects.toThrow(
      /no row of the target table explains it \(rows about this request: unreadableMediaType\)/,
    );
  });

  it("never sends the reference a request a row says it exits on, and holds the target to the row", async () => {
    const before = reference.requests.length;
    const malformed: Probe = { ...VALID, path: "/invitations/recip%ZZient" };
    expect(await checkProbe(malformed, plain)).toEqual({ kind: "target only", rows: ["malformedEscape"], sent: 1 });
    // Accept: * admits nothing (RFC 9110, 12.5.1): the row wants 406 of the target, not the usual 200
    const unreadable: Probe = { ...VALID, accept: "*" };
    expect(await checkProbe(unreadable, plain)).toEqual({ kind: "target only", rows: ["acceptUnreadable"], sent: 1 });
    expect(reference.requests.length).toBe(before);
    const lenient = await serve(TARGET.apiKey, (ctx, answer) =>
      ctx.request.headers.get("accept") === "*" ? { ...answer, status: 200 } : answer,
    );
    await expect(checkProbe(unreadable, { ...plain, target: { target: TARGET, url: lenient.url } })).rejects.toThrow(
      /prism exits on this request \(acceptUnreadable\), so only mock got it, and it answered 200, which the row does not allow/,
    );
  });

  it("fails a 5xx from the target, and a target or reference that does not answer", async () => {
    const broken = await serve(TARGET.apiKey, fiveHundredOn("accept", "text/html"));
    await expect(
      checkProbe({ ...VALID, accept: "text/html" }, { ...plain, target: { target: TARGET, url: broken.url } }),
    ).rejects.toThrow(/mock answered 500/);
    const gone = await startStandIn(REFERENCE.apiKey);
    await gone.close();
    await expect(checkProbe(VALID, { ...plain, reference: { target: REFERENCE, url: gone.url } })).rejects.toThrow(
      /prism gave no answer .*the target table needs a family that says so/,
    );
  });

  it("fails a target that answers two requests the RFCs make the same differently", async () => {
    // the charset row says JSON is read as UTF-8 whatever the parameter: a target that reads it refuses its own row
    const probe: Probe = { ...VALID, contentType: "application/json; charset=latin1" };
    const reads = await serve(TARGET.apiKey, (ctx, answer) =>
      ctx.request.headers.get("content-type")?.includes("charset") ? { ...answer, status: 415 } : answer,
    );
    const bent = await serve(REFERENCE.apiKey, fiveHundredOn("content-type", "application/json; charset=latin1"));
    await expect(
      checkProbe(probe, {
        target: { target: TARGET, url: reads.url },
        reference: { target: REFERENCE, url: bent.url },
      }),
    ).rejects.toThrow(/charset: the RFCs make these two requests the same, and mock answered them differently/);
  });
});

describe("propertySettings", () => {
  it("runs the fixed seed and the default size without settings", () => {
    expect(propertySettings({})).toEqual({ seed: DEFAULT_SEED, runs: DEFAULT_RUNS });
    expect(propertySettings({ LC_PROPERTY_SEED: " ", LC_PROPERTY_RUNS: "" })).toEqual({
      seed: DEFAULT_SEED,
      runs: DEFAULT_RUNS,
    });
  });

  it("takes a seed, a size and a path, and prints the command that replays them", () => {
    const settings = propertySettings({ LC_PROPERTY_SEED: "-7", LC_PROPERTY_RUNS: "5000", LC_PROPERTY_PATH: "12:0:3" });
    expect(settings).toEqual({ seed: -7, runs: 5000, path: "12:0:3" });
    expect(replayCommand(settings)).toBe(
      "LC_PROPERTY_SEED=-7 LC_PROPERTY_RUNS=5000 LC_PROPERTY_PATH=12:0:3 npx vitest run --project contract contract-tests/property.test.ts",
    );
  });

  it.each([
    [{ LC_PROPERTY_SEED: "abc" }, /LC_PROPERTY_SEED must be an integer from -2147483648 to 2147483647, got "abc"/],
    [{ LC_PROPERTY_SEED: "1.5" }, /LC_PROPERTY_SEED must be an integer/],
    [{ LC_PROPERTY_RUNS: "0" }, /LC_PROPERTY_RUNS must be an integer from 1 to 1000000, got "0"/],
    [{ LC_PROPERTY_PATH: "a:b" }, /LC_PROPERTY_PATH must be fast-check's path/],
  ])("refuses %j", (env, message) => {
    expect(() => propertySettings(env)).toThrow(message);
  });
});
