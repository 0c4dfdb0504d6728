export { basicAuthorization } from "./auth.js";
export {
  createLeadConduitClient,
  type Entity,
  type InvitationRequest,
  type InvitationResponse,
  type InvitationsResource,
  type LeadConduitClient,
} from "./client.js";
export {
  AbortError,
  APIError,
  AuthenticationError,
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
  ValidationError,
  type Violation,
} from "./errors.js";
export { type ClientOptions, DEFAULT_BASE_URL, type RequestOptions, type RetryInfo } from "./options.js";
export type { components, operations, paths } from "../generated/leadconduit.js";
