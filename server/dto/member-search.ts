import type { MemberSearchRow } from "@/server/members/member-search-query";

/**
 * A guild member search result, as Fluxer's search documents it: the account's fields flattened, join time
 * in Unix seconds, and `supplemental` (how they joined) with every field null unless the caller manages the
 * guild. There is no global display name here, so `global_name` is always null.
 */
export function toMemberSearchResultDto(guildId: bigint, row: MemberSearchRow, showJoinSource: boolean) {
  return {
    id: `${guildId}_${row.user_id}`,
    guild_id: guildId.toString(),
    user_id: row.user_id.toString(),
    username: row.username,
    discriminator: String(row.discriminator).padStart(4, "0"),
    global_name: null,
    nickname: row.nick,
    role_ids: row.role_ids,
    joined_at: Math.floor(row.joined_at.getTime() / 1000),
    supplemental: {
      join_source_type: showJoinSource ? row.join_source_type : null,
      source_invite_code: showJoinSource ? row.source_invite_code : null,
      inviter_id: showJoinSource && row.inviter_id !== null ? row.inviter_id.toString() : null,
    },
    is_bot: row.is_bot,
  };
}
