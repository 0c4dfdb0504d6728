// Every APIError carries the id the server gave the request (`requestId`), read from the
// response's headers by the short list of names src/client/request-id.ts documents; so do a 2xx
// the client refuses and a violation "report" mode tells of.
import { describe, expect, it } from "vitest";
import {
  APIError,
  createLeadConduitClient,
  type RequestOptions,
  ResponseValidationError,
  type ResponseViolationInfo,
} from "../../src/client/index.ts";
import { REQUEST_ID_HEADERS, requestIdOf } from "../../src/client/request-id.ts";
import { EXAMPLE_OK } from "../support/fault-server.ts";

function answering(status: number, headers: Record<string, string>, body: unknown = { error: "no" }) {
  const reports: ResponseViolationInfo[] = [];
  const lc = createLeadConduitClient({
    apiKey: "sk-request-id",
    baseUrl: "https://api.test",
    maxRetries: 0,
    fetch: async () => Response.json(body, { status, headers }),
    onResponseViolation: (info) => reports.push(info),
  });
  const call = (options?: RequestOptions) =>
    lc.invitations.createRecipient({ email: "mike.jones@example.com" }, options).catch((e: unknown) => e);
  return { call, reports };
}

describe("requestId", () => {
  it.each(REQUEST_ID_HEADERS.map((h) => [h]))("comes from %s, on every class of APIError", async (header) => {
    for (const status of [400, 401, 403, 404, 408, 418, 422, 429, 500, 503]) {
      const error = await answering(status, { [header]: `req-${status}` }).call();
      expect(error, String(status)).toBeInstanceOf(APIError);
      expect((error as APIError).requestId).toBe(`req-${status}`);
      expect(JSON.parse(JSON.stringify(error)).requestId).toBe(`req-${status}`);
    }
  });

  it("is undefined when the server sends none, and the first of the list wins when it sends several", async () => {
    const none = (await answering(500, { "cf-ray": "8a1b2c3d4e5f-DFW" }).call()) as APIError;
    expect(none.requestId).toBeUndefined();
    expect(none.headers).toMatchObject({ "cf-ray": "8a1b2c3d4e5f-DFW" });
    const headers = Object.fromEntries(REQUEST_ID_HEADERS.map((h, i) => [h, `id-${i}`]));
    expect(((await answering(500, headers).call()) as APIError).requestId).toBe("id-0");
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADERS[1]]: "  spaced  " }))).toBe("spaced");
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADERS[0]]: " ", [REQUEST_ID_HEADERS[2]]: "aws" }))).toBe("aws");
  });

  it('is on a 2xx the client refuses, and on what "report" mode tells of', async () => {
    const refused = await answering(200, { "x-request-id": "r-200" }, {}).call();
    expect(refused).toBeInstanceOf(ResponseValidationError);
    expect((refused as ResponseValidationError).requestId).toBe("r-200");
    const drifted = { ...EXAMPLE_OK, entity: { ...EXAMPLE_OK.entity, created_at: "yesterday" } };
    const { call, reports } = answering(200, { "request-id": "r-report" }, drifted);
    expect(await call({ validateResponses: "report" })).toEqual(drifted);
    expect(reports).toEqual([expect.objectContaining({ requestId: "r-report" })]);
  });
});
