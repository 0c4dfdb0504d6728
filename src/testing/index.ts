// leadconduit-client/testing: fake LeadConduit's Invitations API in the tests of an app that
// uses the client, from the same spec that types the client. No Node built-ins, no dependency.

export type { Entity, InvitationResponse, Violation } from "../client/index.js";
export { ContractViolationError, LeadConduitMockError } from "./errors.js";
export {
  type EntityOverrides,
  type InvitationResponseOverrides,
  makeEntity,
  makeInvitationResponse,
} from "./fixtures.js";
export { createLeadConduitMock } from "./mock.js";
export type {
  FailOptions,
  FailureMode,
  HandleOptions,
  LeadConduitMock,
  LeadConduitMockOptions,
  MockCall,
  MockFetch,
  MockViolation,
  OperationId,
  ReplyOptions,
  ScriptedReply,
} from "./types.js";
