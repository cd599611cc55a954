// GET /invites/{code}: the public preview of a live invite. Never changes state (link-preview bots call it).
// Anonymous callers (link unfurlers, the landing page, a viral link's visitors) are served from the preview
// cache (preview-cache.ts), which never holds a targeted invite, so to them one is unknown; signed-in callers may
// see metadata (and may be a targeted invite's target), so they read the database.
import { ApiError } from "@/lib/errors";
import { countView, type ViewSource } from "@/server/analytics/counters";
import { db } from "@/server/db";
import { PreSerialized } from "@/server/http/respond";
import { findLiveInvite } from "./find-live-invite";
import { canSeeInviteMetadata } from "./invite-access";
import { inviteResponse } from "./invite-response";
import { canSeeInvite } from "./invite-target-access";
import { loadPublicEntry, loadPublicPreview } from "./preview-cache";
import type { GetInviteQuery } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";
import type { InviteDto } from "@/server/dto/invite";

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
  // A targeted invite is there only for its targets and those who manage the list (invite-target-access.ts).
  if (!invite || !(await canSeeInvite(invite, caller, prisma))) throw new ApiError("UNKNOWN_INVITE");
  return inviteResponse(invite, {
    withCounts: query.with_counts,
    withExpiration: query.with_expiration,
    withMetadata: await canSeeInviteMetadata(invite, caller, prisma),
  });
}

/**
 * The body of GET /invites/{code}: getInvite's answer, already as JSON text when it came from the preview
 * cache (serialized once per entry and query variant, then the same bytes for every anonymous caller).
 */
export async function getInviteBody(
  code: string,
  caller: Caller | null,
  query: GetInviteQuery,
  view: ViewSource,
): Promise<InviteDto | PreSerialized> {
  if (caller !== null) {
    const invite = await getInvite(code, caller, query);
    countView(invite.code, view);
    return invite;
  }
  const found = await loadPublicEntry(code);
  if (!found) throw new ApiError("UNKNOWN_INVITE");
  // An API preview is a view (a link-preview fetcher's is an unfurl): counted in memory, cached or not.
  countView(found.invite.code, view);
  if (!found.entry) return narrow(found.invite, query);
  const variant = `${query.with_counts ? 1 : 0}${query.with_expiration ? 1 : 0}`;
  const serialized = (found.entry.serialized ??= new Map<string, string>());
  let text = serialized.get(variant);
  if (text === undefined) serialized.set(variant, (text = JSON.stringify(narrow(found.invite, query))));
  return new PreSerialized(text);
}
