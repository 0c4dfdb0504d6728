// createLeadConduitClient: the typed methods, and `raw`, the openapi-fetch client with auth.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "../../generated/leadconduit.js";
import { routes } from "../../generated/validators.js";
import { authorizer, basicAuthorization, secretsOf } from "./auth.js";
import { type ClientOptions, type RequestOptions, resolveClientOptions } from "./options.js";
import { type CallContext, call } from "./request.js";
import type { Transport } from "./send.js";
import { assertSecureTransport } from "./transport.js";
import type { PathParams, RequestBody, ResponseBody } from "./types.js";

/** The three Invitations operations, typed from the spec. */
export interface InvitationsResource {
  /**
   * `POST /invitations/recipient`: invites a lead buyer (or other recipient) by email and
   * resolves to the pending entity. An address that already has an invitation gets that one's
   * entity back, so retrying is safe.
   * @throws {ValidationError} the input breaks the spec (nothing was sent)
   * @throws {APIError} the server answered a non-2xx status (a subclass names the common ones)
   */
  createRecipient(
    body: RequestBody<"createRecipientInvitation">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"createRecipientInvitation">>;
  /**
   * `POST /invitations/source`: invites a lead seller (or other source) by email and resolves
   * to the pending entity. An address that already has an invitation gets that one's entity back.
   * @throws {ValidationError} the input breaks the spec (nothing was sent)
   * @throws {APIError} the server answered a non-2xx status (a subclass names the common ones)
   */
  createSource(
    body: RequestBody<"createSourceInvitation">,
    options?: RequestOptions,
  ): Promise<ResponseBody<"createSourceInvitation">>;
  /**
   * `PUT /invitations/{entityId}/resend`: sends the invitation of a pending or expired entity
   * again; `entityId` is the entity's `id` (24 hexadecimal characters).
   * @throws {ValidationError} `entityId` is not such an id (nothing was sent)
   * @throws {APIError} the server answered a non-2xx status (a subclass names the common ones)
   */
  resend(
    entityId: PathParams<"resendInvitation">["entityId"],
    options?: RequestOptions,
  ): Promise<ResponseBody<"resendInvitation">>;
}

/** What `createLeadConduitClient` returns. */
export interface LeadConduitClient {
  /** Invite lead buyers and sellers, and resend invitations; retries, timeouts and typed errors included. */
  readonly invitations: InvitationsResource;
  /**
   * The openapi-fetch client underneath, with authentication (and the HTTPS check) only: no
   * retries, timeout or validation, and failures come back as `{ error, response }` instead of
   * being thrown. Middleware added with `raw.use()` also applies to the typed methods; it never
   * sees the Authorization header, which is added after it.
   * @example const { data, error, response } = await lc.raw.POST("/invitations/recipient", { body: { email } });
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client of LeadConduit's Invitations API.
 * @param options the API key (default: `LEADCONDUIT_API_KEY`), server, timeouts, retries, validation
 * @throws {ConfigurationError} no API key, a bad `baseUrl`, or plain HTTP to a host other than loopback
 * @example
 * const lc = createLeadConduitClient({ apiKey: process.env.LEADCONDUIT_API_KEY });
 * const { entity } = await lc.invitations.createRecipient({ email: "mike.jones@example.com" });
 */
export function createLeadConduitClient(options: ClientOptions = {}): LeadConduitClient {
  const config = resolveClientOptions(options);
  // Fail at construction, not at the first call, when the key would go out in clear text.
  assertSecureTransport(config.baseUrl, config.allowInsecureHttp);
  const authorization = basicAuthorization(config.apiKey);
  const authorize = authorizer(authorization, config.allowInsecureHttp, config.baseUrl);
  // called unbound: browsers throw "Illegal invocation" for fetch with another `this`
  const { fetch } = config;
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: (request: Request) => fetch(authorize(request)),
  });
  const middleware = trackMiddleware(raw);
  const transport: Transport = {
    baseUrl: config.baseUrl,
    fetch,
    authorization,
    authorize,
    viaMiddleware: () => middleware.size > 0,
    secrets: secretsOf(config.apiKey),
  };
  const ctx: CallContext = { transport, defaults: config.defaults };
  const { createRecipientInvitation: recipient, createSourceInvitation: source, resendInvitation: resend } = routes;
  const invitations: InvitationsResource = {
    createRecipient: (body, opts) =>
      call(
        ctx,
        "createRecipientInvitation",
        { body },
        (init) => raw[recipient.method](recipient.path, { body, ...init }),
        opts,
      ),
    createSource: (body, opts) =>
      call(ctx, "createSourceInvitation", { body }, (init) => raw[source.method](source.path, { body, ...init }), opts),
    resend: (entityId, opts) =>
      call(
        ctx,
        "resendInvitation",
        { path: { entityId } },
        (init) => raw[resend.method](resend.path, { params: { path: { entityId } }, ...init }),
        opts,
      ),
  };
  return Object.freeze({ invitations: Object.freeze(invitations), raw });
}

/** The middleware registered on `raw` right now: while there is some, typed calls go through it. */
function trackMiddleware(raw: Client<paths>): ReadonlySet<Middleware> {
  const registered = new Set<Middleware>();
  const { use, eject } = raw;
  raw.use = (...added) => {
    for (const m of added) registered.add(m);
    use(...added);
  };
  raw.eject = (...removed) => {
    for (const m of removed) registered.delete(m);
    eject(...removed);
  };
  return registered;
}
