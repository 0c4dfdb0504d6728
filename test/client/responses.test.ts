// What a 2xx becomes: a value that never contradicts its type, whatever validateResponses says;
// and the "report" mode, which tells the app about drift without breaking it.
import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createLeadConduitClient,
  type InvitationResponse,
  type RequestOptions,
  ResponseValidationError,
  type ResponseViolationInfo,
} from "../../src/client/index.ts";
import { USER_AGENT } from "../../src/client/user-agent.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

const KEY = "sk-responses-4242";

function answering(
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
  status = 200,
) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const reports: ResponseViolationInfo[] = [];
  const lc = createLeadConduitClient({
    apiKey: KEY,
    baseUrl: "https://api.test",
    maxRetries: 0,
    fetch: async () => new Response(text, { status, headers }),
    onResponseViolation: (info) => reports.push(info),
  });
  const call = (options?: RequestOptions) =>
    lc.invitations.createRecipient({ email: "mike.jones@example.com" }, options).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  return { call, reports };
}

const withEntity = (change: Record<string, unknown>) => ({
  ...EXAMPLE_OK,
  entity: { ...EXAMPLE_OK.entity, ...change },
});

describe("a 2xx that is not the documented envelope is refused in every mode", () => {
  it.each([
    ["an empty object", {}, ["/entity", "/message"]],
    ["an error envelope", { error: "something went wrong" }, ["/entity", "/message"]],
    ["an entity without id", withEntity({ id: undefined }), ["/entity/id"]],
    ["a message that is a number", { ...EXAMPLE_OK, message: 42 }, ["/message"]],
    ["a value a closed enum does not list", withEntity({ connected: "partner" }), ["/entity/connected"]],
    ["a number where an open enum takes strings", withEntity({ source: 7 }), ["/entity/source"]],
    ["a boolean sent as a string", withEntity({ pending: "yes" }), ["/entity/pending"]],
    ["an array", [EXAMPLE_OK], ["/"]],
    ["null", null, ["/"]],
  ] as const)("%s", async (_what, body, paths) => {
    for (const validateResponses of [false, true, "report"] as const) {
      const { call } = answering(body);
      const outcome = await call({ validateResponses });
      expect(outcome, `validateResponses: ${validateResponses}`).toHaveProperty("error");
      const error = (outcome as { error: ResponseValidationError }).error;
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect(error.status).toBe(200);
      expect(error.body).toEqual(body);
      for (const path of paths) expect(error.violations.map((v) => v.path)).toContain(path);
    }
  });
});

describe("validateResponses: false (the default)", () => {
  it("returns a body that keeps the type but breaks a format or pattern, as sent", async () => {
    const body = withEntity({ created_at: "yesterday", flow_ids: ["not-an-id"] });
    const { call, reports } = answering(body);
    expect(await call()).toEqual({ value: body });
    expect(reports).toEqual([]);
  });
});

describe('validateResponses: "report"', () => {
  it("returns the data and tells onResponseViolation each violation, with the request redacted", async () => {
    const body = withEntity({ created_at: "yesterday", flow_ids: ["not-an-id"] });
    const { call, reports } = answering(body);
    const outcome = await call({ validateResponses: "report" });
    expect(outcome).toEqual({ value: body });
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report).toMatchObject({ operationId: "createRecipientInvitation", status: 200 });
    expect(report!.violations.map((v) => v.path).sort()).toEqual(["/entity/created_at", "/entity/flow_ids/0"]);
    expect(report!.request).toEqual({
      method: "POST",
      url: "https://api.test/invitations/recipient",
      headers: { authorization: "Basic [REDACTED]", "user-agent": USER_AGENT, "content-type": "application/json" },
    });
    expect(JSON.stringify(reports)).not.toContain(KEY);
  });

  it("reports a content type that is not JSON and still returns the data", async () => {
    const { call, reports } = answering(EXAMPLE_OK, { "content-type": "text/plain" });
    expect(await call({ validateResponses: "report" })).toEqual({ value: EXAMPLE_OK });
    expect(reports[0]!.violations).toEqual([{ path: "/", message: "content type text/plain is not application/json" }]);
  });

  it("says nothing when the body conforms", async () => {
    const { call, reports } = answering(EXAMPLE_OK);
    expect(await call({ validateResponses: "report" })).toEqual({ value: EXAMPLE_OK });
    expect(reports).toEqual([]);
  });

  it("reports, then still refuses, a body that breaks the type", async () => {
    const { call, reports } = answering({});
    const outcome = await call({ validateResponses: "report" });
    expect((outcome as { error: unknown }).error).toBeInstanceOf(ResponseValidationError);
    expect(reports).toHaveLength(1);
  });

  it("an onResponseViolation that throws rejects the call with its error", async () => {
    const boom = new Error("logger down");
    const lc = createLeadConduitClient({
      apiKey: KEY,
      baseUrl: "https://api.test",
      fetch: async () => Response.json(withEntity({ created_at: "yesterday" })),
      validateResponses: "report",
      onResponseViolation: () => {
        throw boom;
      },
    });
    await expect(lc.invitations.createRecipient({ email: "mike.jones@example.com" })).rejects.toBe(boom);
  });

  it("is set per client or per call, like every option", async () => {
    const body = withEntity({ created_at: "yesterday" });
    const reports: ResponseViolationInfo[] = [];
    const lc = createLeadConduitClient({
      apiKey: KEY,
      baseUrl: "https://api.test",
      fetch: async () => Response.json(body),
      validateResponses: "report",
    });
    const value: InvitationResponse = await lc.invitations.createRecipient(
      { email: "mike.jones@example.com" },
      { onResponseViolation: (info) => reports.push(info) },
    );
    expect(value).toEqual(body);
    expect(reports).toHaveLength(1);
    await expect(
      lc.invitations.createRecipient({ email: "mike.jones@example.com" }, { validateResponses: true }),
    ).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe("validateResponses: true", () => {
  it("refuses a body that breaks a format, naming each path", async () => {
    const { call } = answering(withEntity({ created_at: "yesterday" }));
    const { error } = (await call({ validateResponses: true })) as { error: ResponseValidationError };
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.violations).toEqual([expect.objectContaining({ path: "/entity/created_at", keyword: "format" })]);
    expect(error.message).toBe('Response breaks the spec: /entity/created_at must match format "date-time"');
  });
});

describe('an additive change upstream never breaks a call in "report" mode', () => {
  const changes = [
    ["a value added to an open enum", withEntity({ recipient: "dialer" }), "/entity/recipient", "enum"],
    ["a field the spec does not list", withEntity({ team_size: 12 }), "/entity/team_size", "additionalProperties"],
    ["a format change", withEntity({ created_at: "2023-11-07 05:31:56" }), "/entity/created_at", "format"],
  ] as const;

  it.each(changes)('%s: returned and reported with "report"', async (_what, body, path, keyword) => {
    const { call, reports } = answering(body);
    expect(await call({ validateResponses: "report" })).toEqual({ value: body });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.violations).toEqual([expect.objectContaining({ path, keyword })]);
  });

  it.each(changes)("%s: returned, without a word, by default", async (_what, body) => {
    const { call, reports } = answering(body);
    expect(await call()).toEqual({ value: body });
    expect(reports).toEqual([]);
  });

  it("with validateResponses: true, a value or format the spec refuses throws; a field it does not list is no violation", async () => {
    for (const [, body, path, keyword] of changes) {
      const outcome = await answering(body).call({ validateResponses: true });
      if (keyword === "additionalProperties") expect(outcome).toEqual({ value: body });
      else
        expect((outcome as { error: ResponseValidationError }).error.violations).toEqual([
          expect.objectContaining({ path, keyword }),
        ]);
    }
  });

  it("says what an unlisted field is, and names every one", async () => {
    const body = { ...withEntity({ team_size: 12, tier: "gold" }), request_id: "r-1" };
    const { call, reports } = answering(body);
    await call({ validateResponses: "report" });
    expect(reports[0]!.violations).toEqual([
      {
        path: "/request_id",
        message: "is not in the spec: a property it does not list (yet)",
        keyword: "additionalProperties",
      },
      {
        path: "/entity/team_size",
        message: "is not in the spec: a property it does not list (yet)",
        keyword: "additionalProperties",
      },
      {
        path: "/entity/tier",
        message: "is not in the spec: a property it does not list (yet)",
        keyword: "additionalProperties",
      },
    ]);
  });
});

describe("a 2xx the spec does not document for the operation", () => {
  const JSON_TYPE = { "content-type": "application/json" };
  const undocumented = {
    path: "status",
    message: "201 is not a status the spec documents for createRecipientInvitation (it documents 200)",
    keyword: "status",
  };

  it("is a ResponseValidationError naming it with validateResponses: true", async () => {
    const { call } = answering(EXAMPLE_OK, JSON_TYPE, 201);
    const { error } = (await call({ validateResponses: true })) as { error: ResponseValidationError };
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.status).toBe(201);
    expect(error.violations).toEqual([undocumented]);
    expect(error.message).toBe(`Response breaks the spec: status ${undocumented.message}`);
  });

  it('is reported, and the data returned, with "report"', async () => {
    const { call, reports } = answering(EXAMPLE_OK, JSON_TYPE, 201);
    expect(await call({ validateResponses: "report" })).toEqual({ value: EXAMPLE_OK });
    expect(reports).toEqual([expect.objectContaining({ status: 201, violations: [undocumented] })]);
  });

  it("is read as the documented success without a word with validateResponses: false, as every 2xx is", async () => {
    const { call, reports } = answering(EXAMPLE_OK, JSON_TYPE, 201);
    expect(await call()).toEqual({ value: EXAMPLE_OK });
    expect(reports).toEqual([]);
  });

  it("is named beside what its body breaks", async () => {
    const { call } = answering(withEntity({ created_at: "yesterday" }), JSON_TYPE, 202);
    const { error } = (await call({ validateResponses: true })) as { error: ResponseValidationError };
    expect(error.violations.map((v) => v.path)).toEqual(["status", "/entity/created_at"]);
  });
});

describe("option values", () => {
  it.each([["yes"], [1]])("validateResponses %j is a ConfigurationError", (value) => {
    expect(() => createLeadConduitClient({ apiKey: KEY, validateResponses: value as unknown as boolean })).toThrow(
      ConfigurationError,
    );
  });

  it('"report" with no onResponseViolation, on the client or the call, is a ConfigurationError at the call', async () => {
    const lc = createLeadConduitClient({
      apiKey: KEY,
      baseUrl: "https://api.test",
      fetch: async () => Response.json(EXAMPLE_OK),
      validateResponses: "report",
    });
    await expect(lc.invitations.createRecipient({ email: "mike.jones@example.com" })).rejects.toThrow(
      /"report" needs onResponseViolation/,
    );
    await expect(
      lc.invitations.createRecipient({ email: "mike.jones@example.com" }, { onResponseViolation: () => {} }),
    ).resolves.toEqual(EXAMPLE_OK);
  });

  it("an onResponseViolation that is not a function is a ConfigurationError", () => {
    expect(() => createLeadConduitClient({ apiKey: KEY, onResponseViolation: "log" as never })).toThrow(
      /onResponseViolation must be a function/,
    );
  });
});
