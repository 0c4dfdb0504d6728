// createLeadConduitClient: the typed methods, and `raw`, the openapi-fetch client with auth.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../generated/leadconduit.js";
import { authMiddleware, secretsOf } from "./auth.js";
import { type ClientOptions, type RequestOptions, resolveClientOptions } from "./options.js";
import { assertSecureTransport } from "./transport.js";
import { call, type CallContext, type RawRequester } from "./request.js";

export type InvitationRequest = components["schemas"]["InvitationRequest"];
export type InvitationResponse = components["schemas"]["InvitationResponse"];
export type Entity = components["schemas"]["Entity"];

export interface InvitationsResource {
  /** POST /invitations/recipient: invite a lead buyer (or other recipient) by email. */
  createRecipient(body: InvitationRequest, options?: RequestOptions): Promise<InvitationResponse>;
  /** POST /invitations/source: invite a lead seller (or other source) by email. */
  createSource(body: InvitationRequest, options?: RequestOptions): Promise<InvitationResponse>;
  /** PUT /invitations/{entityId}/resend: send a pending or expired invitation again. */
  resend(entityId: string, options?: RequestOptions): Promise<InvitationResponse>;
}

export interface LeadConduitClient {
  readonly invitations: InvitationsResource;
  /** The openapi-fetch client, authenticated: `lc.raw.POST("/invitations/recipient", { body })`. */
  readonly raw: Client<paths>;
}

export function createLeadConduitClient(options: ClientOptions = {}): LeadConduitClient {
  const config = resolveClientOptions(options);
  // Fail at construction, not at the first call, when the key would go out in clear text.
  assertSecureTransport(config.baseUrl, config.allowInsecureHttp);
  const raw = createClient<paths>({ baseUrl: config.baseUrl, fetch: config.fetch });
  raw.use(authMiddleware(config.apiKey, config.allowInsecureHttp));
  const ctx: CallContext = {
    raw: raw as unknown as RawRequester,
    fetch: config.fetch,
    defaults: config.defaults,
    secrets: secretsOf(config.apiKey),
  };
  const invitations: InvitationsResource = {
    createRecipient: (body, opts) => call(ctx, "createRecipientInvitation", { body }, opts),
    createSource: (body, opts) => call(ctx, "createSourceInvitation", { body }, opts),
    resend: (entityId, opts) => call(ctx, "resendInvitation", { path: { entityId } }, opts),
  };
  return Object.freeze({ invitations: Object.freeze(invitations), raw });
}
