// The public invite (with counts and expiry) for a landing-page code, or why there is none. Shared by the
// page loader and the Open Graph image; applies the unknown-code limit per client IP like the API does.
import { isLookupCode } from "@/lib/invite-code";
import { isReservedCode } from "@/lib/reserved-codes";
import { db } from "@/server/db";
import { findLiveInvite } from "@/server/invites/find-live-invite";
import { inviteResponse } from "@/server/invites/invite-response";
import { canSeeInvite, isTargeted } from "@/server/invites/invite-target-access";
import { loadPublicEntry } from "@/server/invites/preview-cache";
import { countUnknownLookup, landingClientIp, lookupBlockedFor } from "./lookup-limit";
import type { InviteDto } from "@/server/dto/invite";

export type InvitePreview =
  | { status: "found"; invite: InviteDto; pausedUntil: string | null }
  | { status: "not-found" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** Whether a path segment could be an invite code at all (2-32 of A-Za-z0-9-, not a reserved route name). */
function isLandingCode(code: string): boolean {
  return isLookupCode(code) && !isReservedCode(code);
}

export async function loadInvitePreview(code: string): Promise<InvitePreview> {
  if (!isLandingCode(code)) return { status: "not-found" };
  const ip = await landingClientIp();
  const blockedFor = await lookupBlockedFor(ip);
  if (blockedFor !== null) return { status: "rate-limited", retryAfterSeconds: blockedFor };
  // The public preview (no caller: previews never show metadata, so no permission queries are needed), as
  // GET /invites/{code}?with_counts=true&with_expiration=true answers anonymously, with a timed pause's end.
  const found = await loadPublicEntry(code);
  if (found) return { status: "found", invite: found.invite, pausedUntil: found.pausedUntil };
  await countUnknownLookup(ip);
  return { status: "not-found" };
}

/**
 * A targeted invite for a signed-in viewer allowed to see it (a target, or someone who manages its list), read
 * from the database and never kept anywhere; not-found for everyone else, exactly like an unknown code.
 */
export async function loadTargetedPreview(code: string, userId: bigint): Promise<InvitePreview> {
  if (!isLandingCode(code)) return { status: "not-found" };
  const prisma = await db();
  const row = await findLiveInvite(prisma, code);
  if (!row || !isTargeted(row) || !(await canSeeInvite(row, { id: userId }, prisma)))
    return { status: "not-found" };
  const invite = await inviteResponse(row, { withCounts: true, withExpiration: true, withMetadata: false });
  const isPausedForGood = row.guild?.features.includes("INVITES_DISABLED") ?? false;
  const until = row.guild?.invitesDisabledUntil ?? null;
  const pausedUntil = !isPausedForGood && until !== null && until > new Date() ? until.toISOString() : null;
  return { status: "found", invite, pausedUntil };
}
