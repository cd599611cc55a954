import { ApiError } from "@/lib/errors";
import { hasPermission, MEMBER_SEARCH_PERMISSIONS, Permissions } from "@/lib/permissions";
import { toMemberSearchResultDto } from "@/server/dto/member-search";
import { loadGuildAccess } from "@/server/guilds/access";
import { runMemberSearch, type MemberSearchFilter } from "./member-search-query";
import type { MemberSearchInput } from "@/lib/schemas/member-search";
import type { Caller } from "@/server/auth/caller";

/**
 * POST /guilds/{id}/members-search. Members holding any of the moderation bits may search; a non-member
 * gets the same 403 MISSING_PERMISSIONS as a member without them, so the answer doesn't tell the two apart.
 * How members joined (the join-source filters and `supplemental`) is for MANAGE_GUILD only: for anyone else
 * those filters are dropped and the fields are null.
 */
export async function searchMembers(guildId: bigint, caller: Caller, input: MemberSearchInput) {
  const access = await loadGuildAccess(guildId, caller.id);
  if (!access.member || !MEMBER_SEARCH_PERMISSIONS.some((bit) => hasPermission(access.permissions, bit)))
    throw new ApiError("MISSING_PERMISSIONS");
  const canSeeJoinSource = hasPermission(access.permissions, Permissions.MANAGE_GUILD);
  const filter: MemberSearchFilter = {
    text: input.query?.trim() || null,
    roleIds: input.role_ids ?? [],
    joinedAtGte: input.joined_at_gte ?? null,
    joinedAtLte: input.joined_at_lte ?? null,
    joinSourceTypes: canSeeJoinSource ? (input.join_source_type ?? null) : null,
    sourceInviteCodes: canSeeJoinSource ? (input.source_invite_code ?? null) : null,
    inviterId: null,
    isBot: input.is_bot ?? null,
    userCreatedAtGte: input.user_created_at_gte ?? null,
    userCreatedAtLte: input.user_created_at_lte ?? null,
  };
  const sort = { by: input.sort_by ?? "joinedAt", order: input.sort_order ?? "desc" } as const;
  const { members, total } = await runMemberSearch(guildId, filter, sort, input.limit, input.offset);
  return {
    guild_id: guildId.toString(),
    members: members.map((row) => toMemberSearchResultDto(guildId, row, canSeeJoinSource)),
    page_result_count: members.length,
    total_result_count: total,
    // Answered from the database's own indexes: there is never an index being built.
    indexing: false,
  };
}
