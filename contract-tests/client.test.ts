// The client against every target: typed results on success, typed errors on refusal.
import { describe, expect, it } from "vitest";
import { AuthenticationError, LeadConduitError, ValidationError } from "../src/client/index.ts";
import {
  about,
  bodyOf,
  expectConforming,
  forEachTarget,
  invokeWith,
  observedClient,
  record,
  spec,
  validatorFor,
  validCalls,
} from "./lib/harness.ts";
import { documentedResponse, firstExample, operationOf } from "./lib/spec.ts";
import { statusOn } from "./lib/targets.ts";

forEachTarget("client", (target) => {
  for (const [operationId, invoke] of Object.entries(validCalls))
    describe(`${operationId} through the client`, about(operationId), () => {
      it("resolves to the documented 2xx body, which validates against the spec", async () => {
        const { lc, seen } = observedClient(target);
        const result = await invoke(lc);
        const status = seen.response!.status;
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(300);
        const text = await seen.response!.text();
        // what the typed method resolved to is the body the server sent, parsed (nothing for no content)
        expect(result).toEqual(text === "" ? undefined : JSON.parse(text));
        await expectConforming(target, operationId, seen.response!, text === "" ? undefined : JSON.parse(text), {
          mode: "client",
          case: "valid call",
        });
      });

      it("missing credentials give 401 and a LeadConduitError with status 401", async () => {
        const { lc, seen } = observedClient(target, { dropAuth: true });
        const error = await invoke(lc).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LeadConduitError);
        expect(error).toBeInstanceOf(AuthenticationError);
        expect((error as AuthenticationError).status).toBe(401);
        // the documented 401's example, as the server sent it (no body answers a HEAD)
        const op = operationOf(spec, operationId);
        const documented = op.method === "HEAD" ? undefined : firstExample(documentedResponse(op, 401)!);
        expect((error as AuthenticationError).body).toEqual(documented);
        expect((error as AuthenticationError).attempts).toBe(1);
        await expectConforming(target, operationId, seen.response!, await bodyOf(seen.response!), {
          mode: "client",
          case: "missing credentials",
          refusal: true,
        });
      });

      // the spec's answer is 401 and an AuthenticationError; the target table says who answers otherwise
      const wrongKey = statusOn(target, { name: "a wrong key", expected: 401 }, operationOf(spec, operationId));
      it(`a wrong key gives ${wrongKey}${wrongKey === 401 ? " and an AuthenticationError" : ", as the target table says"}`, async () => {
        const { lc, seen } = observedClient(target, { wrongKey: true });
        const outcome = await invoke(lc).then(
          (result) => ({ status: seen.response!.status, result }),
          (error: unknown) => ({
            status: error instanceof AuthenticationError ? error.status : error,
            result: undefined,
          }),
        );
        expect(outcome.status).toBe(wrongKey);
        expect(seen.response!.status).toBe(wrongKey);
        const body = await bodyOf(seen.response!);
        if (outcome.result) expect(outcome.result).toEqual(body);
        await expectConforming(target, operationId, seen.response!, body, {
          mode: "client",
          case: "a wrong key",
          refusal: wrongKey >= 400,
        });
      });
    });

  // every operation whose body must have properties: an empty object is refused by the server, and
  // by the client before it sends anything, naming each missing property
  for (const op of spec.operations.filter((o) => o.body && !validatorFor(o.body.schema)({})))
    describe(`${op.operationId}: an empty object for a body`, about(op.operationId), () => {
      const validate = validatorFor(op.body!.schema);
      validate({});
      const missing = (validate.errors ?? []).map((e) => `body/${String(e.params.missingProperty)}`);

      it("is refused with 422 when sent through raw", async () => {
        const { lc } = observedClient(target);
        const path = Object.fromEntries(op.pathParams.map((p) => [p.name, p.example]));
        const request = lc.raw.request as (
          method: string,
          path: string,
          init: object,
        ) => ReturnType<typeof lc.raw.POST>;
        const { response, error } = await request(op.method.toLowerCase(), op.path, { params: { path }, body: {} });
        expect(response.status).toBe(422);
        if (documentedResponse(op, 422)) {
          // the spec documents this operation's 422: that is the answer, not a problem document
          await expectConforming(target, op.operationId, response, error, {
            mode: "client",
            case: "raw empty body",
            refusal: true,
          });
          return;
        }
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        for (const path of missing) expect(JSON.stringify(error)).toContain(path.slice("body/".length));
        record(target, { operationId: op.operationId, status: 422, mode: "client", case: "raw empty body" });
      });

      it("is refused by the client before sending: ValidationError naming each missing property, no request", async () => {
        const { lc, seen } = observedClient(target);
        const error = await invokeWith(lc, op.operationId, { body: {} }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).attempts).toBe(0);
        expect((error as ValidationError).violations.map((v) => v.path)).toEqual(missing);
        expect(seen.response).toBeUndefined();
      });
    });
});
