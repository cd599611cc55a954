// GET /invites/{code}: the public preview of a live invite. Never changes state (link-preview bots call it).
// Anonymous callers (link unfurlers, the landing page, a viral link's visitors) are served from the preview
// cache (preview-cache.ts); signed-in callers may see metadata, so they read the database.
import { ApiError } from "@/lib/errors";
import type { GetInviteQuery } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";
import { db } from "@/server/db";
import type { InviteDto } from "@/server/dto/invite";
import { findLiveInvite } from "./find-live-invite";
import { canSeeInviteMetadata } from "./invite-access";
import { inviteResponse } from "./invite-response";
import { loadPublicPreview } from "./preview-cache";

/** The preview narrowed to what the query asked for, fields in the DTO's order. */
function narrow(preview: InviteDto, query: GetInviteQuery): InviteDto {
  const copy: Record<string, unknown> = { ...preview };
  if (!query.with_counts) {
    delete copy.approximate_member_count;
    delete copy.approximate_presence_count;
  }
  if (!query.with_expiration) delete copy.expires_at;
  return copy as InviteDto;
}

export async function getInvite(code: string, caller: Caller | null, query: GetInviteQuery) {
  if (caller === null) {
    const preview = await loadPublicPreview(code);
    if (!preview) throw new ApiError("UNKNOWN_INVITE");
    return narrow(preview, query);
  }
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite) throw new ApiError("UNKNOWN_INVITE");
  return inviteResponse(invite, {
    withCounts: query.with_counts,
    withExpiration: query.with_expiration,
    withMetadata: await canSeeInviteMetadata(invite, caller, prisma),
  });
}
