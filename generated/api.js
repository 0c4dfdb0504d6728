// Generated from spec/leadconduit.yaml by `npm run generate` (scripts/lib/generate/). Do not edit.

export const API_VERSION = "1.1.0";

export const methods = {
  invitations: {
    createRecipient: { operationId: "createRecipientInvitation", path: [], body: "required", query: "none" },
    createSource: { operationId: "createSourceInvitation", path: [], body: "required", query: "none" },
    resend: { operationId: "resendInvitation", path: ["entityId"], body: "none", query: "none" },
  },
};
