// leadconduit-client/msw: MSW request handlers backed by a LeadConduit mock, for apps that
// already intercept their requests with MSW (`msw` >= 2, an optional peer dependency). Every
// request below the base URL goes to `mock.handle`, so MSW and `mock.fetch` answer alike:
// same contract checks, credentials, scripted answers, calls and violations.
import { type HttpHandler, http } from "msw";
import { parseBaseUrl } from "./base-url.js";

/** Options of `leadconduitHandlers`. */
export interface LeadConduitHandlersOptions {
  /** The URL to intercept; default the mock's `baseUrl` (the spec's server unless the mock was given one). */
  baseUrl?: string | undefined;
}

/** What the handlers use of a mock: what `createLeadConduitMock` returns has it. */
export interface MockServer {
  /** Answers one request as the API would (`mock.handle`). */
  handle(request: Request, options?: { baseUrl?: string | undefined }): Promise<Response>;
  /** Where the app sends its requests (`mock.baseUrl`). */
  readonly baseUrl: string;
}

/**
 * MSW handlers that answer every request below `baseUrl` with the mock.
 * @example
 * const mock = createLeadConduitMock({ apiKey: "test-key" });
 * const server = setupServer(...leadconduitHandlers(mock));
 * @throws {TypeError} baseUrl is not an http(s) URL
 */
export function leadconduitHandlers(mock: MockServer, options: LeadConduitHandlersOptions = {}): HttpHandler[] {
  const parsed = parseBaseUrl(options.baseUrl ?? mock.baseUrl);
  if ("problem" in parsed) throw new TypeError(`leadconduitHandlers: ${parsed.problem}`);
  const baseUrl = parsed.url;
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      try {
        // a dropped connection comes back as Response.error(), which MSW turns into a network error
        return await mock.handle(request, { baseUrl });
      } catch (error) {
        // a scripted timeout rejects once the app has aborted: nobody waits for an answer any more
        if (request.signal.aborted) return Response.error();
        throw error;
      }
    }),
  ];
}
