// The public invite (with counts and expiry) for a landing-page code, or why there is none. Shared by the
// page loader and the Open Graph image; applies the unknown-code limit per client IP like the API does.
import { ApiError } from "@/lib/errors";
import { isLookupCode } from "@/lib/invite-code";
import { isReservedCode } from "@/lib/reserved-codes";
import type { InviteDto } from "@/server/dto/invite";
import { getInvite } from "@/server/invites/get-invite";
import { countUnknownLookup, landingClientIp, lookupBlockedFor } from "./lookup-limit";

export type InvitePreview = { status: "found"; invite: InviteDto } | { status: "not-found" } | { status: "rate-limited"; retryAfterSeconds: number };

/** Whether a path segment could be an invite code at all (2-32 of A-Za-z0-9-, not a reserved route name). */
function isLandingCode(code: string): boolean {
  return isLookupCode(code) && !isReservedCode(code);
}

export async function loadInvitePreview(code: string): Promise<InvitePreview> {
  if (!isLandingCode(code)) return { status: "not-found" };
  const ip = await landingClientIp();
  const blockedFor = await lookupBlockedFor(ip);
  if (blockedFor !== null) return { status: "rate-limited", retryAfterSeconds: blockedFor };
  try {
    // No caller: previews never show metadata (uses, max_uses), so no permission queries are needed.
    return { status: "found", invite: await getInvite(code, null, { with_counts: true, with_expiration: true }) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "UNKNOWN_INVITE") throw error;
    await countUnknownLookup(ip);
    return { status: "not-found" };
  }
}
