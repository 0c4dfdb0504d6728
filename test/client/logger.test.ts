// The `logger` option: each attempt at debug (method, URL, status, time), each retry at info
// (why, and the wait), each violation "report" mode finds at warn; filtered by `logLevel`, set per
// client or per call with the same names; and never a form of the key in anything logged, with the
// key in the URL, in the request's headers and echoed in the answer's headers and body.
import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  createLeadConduitClient,
  type Logger,
  type LogLevel,
  type RequestOptions,
} from "../../src/client/index.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";
import { keyForms } from "../support/leaks.ts";

type Line = { level: keyof Logger; message: string; data: Record<string, unknown> };

function recorder(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: keyof Logger) => (message: string, data?: unknown) =>
    lines.push({ level, message, data: data as Record<string, unknown> });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A server played by a list of answers, one per request, the last one repeated. */
function scripted(...answers: (() => Response)[]) {
  let n = 0;
  return async () => answers[Math.min(n++, answers.length - 1)]!();
}

const ok = () => Response.json(EXAMPLE_OK, { headers: { "x-request-id": "req-ok" } });
const busy = () => Response.json({ error: "busy" }, { status: 503, headers: { "retry-after": "0" } });
const drifted = () => Response.json({ ...EXAMPLE_OK, entity: { ...EXAMPLE_OK.entity, recipient: "dialer" } });

function client(fetch: () => Promise<Response>, options: RequestOptions = {}) {
  const logger = recorder();
  const lc = createLeadConduitClient({
    apiKey: "sk-logger-4242",
    baseUrl: "https://api.test",
    fetch,
    logger,
    logLevel: "debug",
    ...options,
  });
  return { lc, logger };
}

describe("what is logged", () => {
  it("each attempt at debug and each retry at info, in order", async () => {
    const { lc, logger } = client(scripted(busy, ok));
    await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([
      [
        "debug",
        expect.stringMatching(
          /^createRecipientInvitation attempt 1: POST https:\/\/api\.test\/invitations\/recipient → 503 in \d+ ms$/,
        ),
      ],
      [
        "info",
        "createRecipientInvitation: retrying in 0 ms, attempt 1 failed: ServerError: LeadConduit answered 503: busy",
      ],
      [
        "debug",
        expect.stringMatching(
          /^createRecipientInvitation attempt 2: POST https:\/\/api\.test\/invitations\/recipient → 200 in \d+ ms$/,
        ),
      ],
    ]);
    expect(logger.lines[0]!.data).toEqual({
      operationId: "createRecipientInvitation",
      attempt: 1,
      request: expect.objectContaining({ method: "POST", url: "https://api.test/invitations/recipient" }),
      ms: expect.any(Number),
      status: 503,
    });
    expect(logger.lines[1]!.data).toMatchObject({
      attempt: 1,
      delayMs: 0,
      error: { name: "ServerError", status: 503 },
    });
    expect(logger.lines[2]!.data).toMatchObject({ status: 200, requestId: "req-ok" });
  });

  it("an attempt that got no answer, with why", async () => {
    const refused = async () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:1") });
    };
    const { lc, logger } = client(refused, { maxRetries: 0 });
    await expect(lc.invitations.createRecipient({ email: "a@example.com" })).rejects.toThrow(/Connection failed/);
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: "debug",
        message: expect.stringMatching(
          /→ no answer in \d+ ms \(ConnectionError: Connection failed: fetch failed \(connect ECONNREFUSED/,
        ),
      }),
    ]);
  });

  it('each violation "report" mode finds at warn; then a logger alone is enough for "report"', async () => {
    const { lc, logger } = client(scripted(drifted), { validateResponses: "report", logLevel: "warn" });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(logger.lines).toEqual([
      {
        level: "warn",
        message:
          "createRecipientInvitation: 200 answered outside the spec: /entity/recipient must be equal to one of the allowed values",
        data: expect.objectContaining({
          operationId: "createRecipientInvitation",
          status: 200,
          violations: [expect.objectContaining({ path: "/entity/recipient" })],
        }),
      },
    ]);
  });

  it("nothing for a call refused before sending", async () => {
    const { lc, logger } = client(scripted(ok));
    await expect(lc.invitations.createRecipient({ email: "not an address" })).rejects.toThrow(/Invalid request/);
    expect(logger.lines).toEqual([]);
  });
});

describe("logLevel", () => {
  const levels = async (logLevel: LogLevel, perCall?: RequestOptions) => {
    const { lc, logger } = client(scripted(busy, drifted), {
      logLevel,
      validateResponses: "report",
      onResponseViolation: () => {},
    });
    await lc.invitations.createRecipient({ email: "a@example.com" }, perCall);
    return [...new Set(logger.lines.map((l) => l.level))];
  };

  it.each([
    ["debug", ["debug", "info", "warn"]],
    ["info", ["info", "warn"]],
    ["warn", ["warn"]],
    ["error", []],
    ["off", []],
  ] as const)("%s lets through %j", async (logLevel, expected) => {
    expect(await levels(logLevel)).toEqual(expected);
  });

  it("defaults to warn, and a call's logLevel and logger win over the client's", async () => {
    const quiet = recorder();
    const lc = createLeadConduitClient({
      apiKey: "sk-logger-4242",
      baseUrl: "https://api.test",
      fetch: scripted(busy, ok, busy, ok),
      logger: quiet,
    });
    await lc.invitations.createRecipient({ email: "a@example.com" });
    expect(quiet.lines).toEqual([]);
    const mine = recorder();
    await lc.invitations.createRecipient({ email: "a@example.com" }, { logger: mine, logLevel: "info" });
    expect(quiet.lines).toEqual([]);
    expect(mine.lines.map((l) => l.level)).toEqual(["info"]);
    expect(await levels("off", { logLevel: "debug" })).toEqual(["debug", "info", "warn"]);
  });

  it.each([
    [
      "a level it does not know",
      { logLevel: "verbose" as LogLevel },
      /logLevel must be one of debug, info, warn, error, off, got verbose/,
    ],
    [
      "a logger without every method",
      { logger: { warn: () => {} } as unknown as Logger },
      /logger must have the methods debug, info, warn and error; it lacks debug, info, error/,
    ],
    ["a logger that is not an object", { logger: "console" as unknown as Logger }, /logger must have the methods/],
  ])("%s is a ConfigurationError", (_what, options, message) => {
    expect(() => createLeadConduitClient({ apiKey: "k", ...options })).toThrow(ConfigurationError);
    expect(() => createLeadConduitClient({ apiKey: "k", ...options })).toThrow(message);
  });

  it('"report" with a logger that does not let warnings through still needs onResponseViolation', async () => {
    const { lc } = client(scripted(ok), { validateResponses: "report", logLevel: "error" });
    await expect(lc.invitations.createRecipient({ email: "a@example.com" })).rejects.toThrow(
      /"report" needs onResponseViolation/,
    );
  });
});

describe("the key is never logged", () => {
  // a key that is also a valid entity id, so it can go in the URL as one
  const KEY = "5fd4371e940df5a34a3888b2";

  it("in the URL, the request's headers, or echoed in the answer's headers and body", async () => {
    const echo = (status: number) => (input: string | Request, init?: RequestInit) => {
      const authorization = new Request(input, init).headers.get("authorization") ?? "";
      return Response.json(
        {
          ...EXAMPLE_OK,
          error: `bad key ${KEY} (${authorization})`,
          entity: { ...EXAMPLE_OK.entity, name: KEY, recipient: "dialer" },
        },
        { status, headers: { "x-request-id": `${KEY}-1`, "retry-after": "0", "x-echo": authorization } },
      );
    };
    let n = 0;
    const logger = recorder();
    const lc = createLeadConduitClient({
      apiKey: KEY,
      baseUrl: "https://api.test",
      fetch: async (input, init) => echo(n++ === 0 ? 500 : 200)(input, init),
      logger,
      logLevel: "debug",
      validateResponses: "report",
    });
    await lc.invitations.resend(KEY);
    expect(logger.lines.map((l) => l.level)).toEqual(["debug", "info", "debug", "warn"]);
    const text = JSON.stringify(logger.lines);
    expect(text).toContain("[REDACTED]");
    for (const form of keyForms(KEY)) expect(text.includes(form), form).toBe(false);
  });
});
