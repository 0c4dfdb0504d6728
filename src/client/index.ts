// The public surface of leadconduit-client.
import type * as generated from "../../generated/leadconduit.js";

export { API_VERSION } from "../../generated/api.js";
export { basicAuthorization } from "./auth.js";
export {
  createLeadConduitClient,
  type InvitationsResource,
  type LeadConduitClient,
  type Resource,
  type Resources,
  type TypedMethod,
} from "./client.js";
export {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConnectionError,
  type ErrorDetails,
  LeadConduitError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  type RedactedRequest,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from "./errors.js";
export type { Logger, LogLevel } from "./log.js";
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  type RequestOptions,
  type ResponseViolationInfo,
  type RetryInfo,
} from "./options.js";
export type {
  OperationId,
  PathParameter,
  PathParams,
  QueryParameters,
  RequestBody,
  ResponseBody,
} from "./types.js";
export type { Violation } from "./violations.js";

/** What to send to create an invitation: `{ email }`. */
export type InvitationRequest = generated.components["schemas"]["InvitationRequest"];
/** What every Invitations call resolves to: an outcome `message` and the `entity` invited. */
export type InvitationResponse = generated.components["schemas"]["InvitationResponse"];
/** A lead source or recipient: the pending entity an invitation belongs to. */
export type Entity = generated.components["schemas"]["Entity"];
/** Every path and method of the spec, as openapi-fetch's `Client<paths>` (`lc.raw`) takes them. */
export type paths = generated.paths;
/** Every component of the spec (schemas, responses, request bodies), by name. */
export type components = generated.components;
/** Every operation of the spec by operationId: its parameters, request body and responses. */
export type operations = generated.operations;
