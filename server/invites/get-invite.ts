// GET /invites/{code}: the public preview of a live invite. Never changes state (link-preview bots call it).
import { ApiError } from "@/lib/errors";
import type { GetInviteQuery } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";
import { db } from "@/server/db";
import { findLiveInvite } from "./find-live-invite";
import { canSeeInviteMetadata } from "./invite-access";
import { inviteResponse } from "./invite-response";

export async function getInvite(code: string, caller: Caller | null, query: GetInviteQuery) {
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite) throw new ApiError("UNKNOWN_INVITE");
  return inviteResponse(invite, {
    withCounts: query.with_counts,
    withExpiration: query.with_expiration,
    withMetadata: await canSeeInviteMetadata(invite, caller, prisma),
  });
}
