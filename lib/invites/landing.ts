// What the invite landing page is rendered from and what its join form answers: shapes shared by the
// server that loads them (server/landing/) and the components that show them.
import type { InviteObject } from "./invite-object";

export type LandingViewer =
  { kind: "anonymous" } | { kind: "member" | "not-member" | "banned"; userId: string; username: string };

export type InviteLanding =
  | {
      status: "found";
      invite: InviteObject;
      viewer: LandingViewer;
      isPaused: boolean;
      /** When a timed pause ends (ISO); null for the indefinite pause or none. */
      pausedUntil: string | null;
      isGroupDm: boolean;
      renderedAt: number;
    }
  | { status: "not-found" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** The join form's answer when it does not redirect. */
export type AcceptState = { error: string | null; isFinal: boolean };
