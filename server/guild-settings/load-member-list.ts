// The settings Members view: the guild's members newest first, narrowed to one invite code or one join
// source, a page at a time, with who invited each. The same query as POST /guilds/{id}/members-search, so
// the page and the API agree. How people joined is MANAGE_GUILD's to see: checked here again, not only by
// the page.
import {
  MEMBER_SOURCES,
  MEMBERS_PAGE_SIZE,
  type MemberFilters,
  type MemberListView,
} from "@/lib/guild-settings/members";
import { db } from "@/server/db";
import { EMPTY_FILTER, runMemberSearch } from "@/server/members/member-search-query";
import type { SettingsAccess } from "@/lib/guild-settings/views";

/** The page of members the filters ask for; null when the viewer doesn't manage the guild. */
export async function loadMemberList(
  access: SettingsAccess,
  filters: MemberFilters,
): Promise<MemberListView | null> {
  if (!access.canManageGuild) return null;
  const source = MEMBER_SOURCES.find((s) => s.value === filters.source);
  const { members, total } = await runMemberSearch(
    access.guildId,
    {
      ...EMPTY_FILTER,
      sourceInviteCodes: filters.code ? [filters.code] : null,
      joinSourceTypes: source ? [source.type] : null,
    },
    { by: "joinedAt", order: "desc" },
    MEMBERS_PAGE_SIZE,
    (filters.page - 1) * MEMBERS_PAGE_SIZE,
  );
  const inviterIds = [...new Set(members.flatMap((m) => (m.inviter_id !== null ? [m.inviter_id] : [])))];
  const inviters = inviterIds.length
    ? await (
        await db()
      ).user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, username: true } })
    : [];
  const names = new Map(inviters.map((u) => [u.id, u.username]));
  return {
    total,
    filters,
    members: members.map((m) => ({
      userId: m.user_id.toString(),
      username: m.username,
      discriminator: m.discriminator,
      avatarHash: m.avatar_hash,
      nick: m.nick,
      isBot: m.is_bot,
      joinedAt: m.joined_at.toISOString(),
      source: m.join_source_type,
      code: m.source_invite_code,
      // The invite's creator for an invite join; whoever added the account for a direct add.
      inviter:
        m.inviter_id !== null
          ? { id: m.inviter_id.toString(), username: names.get(m.inviter_id) ?? "Deleted user" }
          : null,
    })),
  };
}
