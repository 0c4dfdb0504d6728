// The app's own code under test: invites a partner and says what happened, in the app's terms.
import { AuthenticationError, type LeadConduitClient, RateLimitError } from "leadconduit-client";

export type Invitation =
  | { outcome: "invited"; entityId: string; pending: boolean }
  | { outcome: "try-later"; retryAfterMs: number | undefined }
  | { outcome: "misconfigured" };

export async function invitePartner(
  lc: LeadConduitClient,
  kind: "buyer" | "seller",
  email: string,
): Promise<Invitation> {
  try {
    const { entity } =
      kind === "buyer" ? await lc.invitations.createRecipient({ email }) : await lc.invitations.createSource({ email });
    return { outcome: "invited", entityId: entity.id, pending: entity.pending === true };
  } catch (error) {
    if (error instanceof RateLimitError) return { outcome: "try-later", retryAfterMs: error.retryAfterMs };
    if (error instanceof AuthenticationError) return { outcome: "misconfigured" };
    throw error;
  }
}
