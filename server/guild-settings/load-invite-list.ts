// The invites table of the settings page: the live invites the viewer may manage, newest first, narrowed
// by the channel and inviter filters of the query string. Reuses the API's list use-cases, so the page
// shows exactly what GET /guilds/{id}/invites or GET /channels/{id}/invites would.
import { INVITABLE_CHANNEL_TYPES, InviteFlags } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { firstValue } from "@/lib/search-params";
import { parseSnowflake } from "@/lib/snowflake";
import { inviteLink } from "@/server/config/app-url";
import { db } from "@/server/db";
import { listChannelInvites } from "@/server/invites/list-channel-invites";
import { listGuildInvites } from "@/server/invites/list-guild-invites";
import type {
  InviteFilters,
  InviteListView,
  InviteRowView,
  SettingsAccess,
} from "@/lib/guild-settings/views";
import type { Caller } from "@/server/auth/caller";
import type { InviteDto } from "@/server/dto/invite";

export type { InviteFilters, InviteListView, InviteRowView } from "@/lib/guild-settings/views";

/** A filter value from the query string: a snowflake, else no filter. */
function filterValue(value: string | string[] | undefined): string | null {
  const id = parseSnowflake(firstValue(value));
  return id === null ? null : id.toString();
}

export function readInviteFilters(query: Record<string, string | string[] | undefined>): InviteFilters {
  return { channel: filterValue(query.channel), inviter: filterValue(query.inviter) };
}

async function listVisibleInvites(access: SettingsAccess, viewer: Caller): Promise<InviteDto[]> {
  if (access.canManageGuild) return listGuildInvites(access.guildId, viewer);
  const lists = await Promise.all(
    access.channels.filter((c) => c.canManage).map((c) => listChannelInvites(BigInt(c.id), viewer)),
  );
  return lists
    .flat()
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.code.localeCompare(b.code));
}

/** How many people each targeted invite is for, in one query. */
async function targetCounts(dtos: InviteDto[]): Promise<Map<string, number>> {
  const codes = dtos.filter((dto) => (dto.flags & InviteFlags.IS_TARGETED) !== 0).map((dto) => dto.code);
  if (codes.length === 0) return new Map();
  const groups = await (
    await db()
  ).inviteTargetUser.groupBy({ by: ["inviteCode"], where: { inviteCode: { in: codes } }, _count: true });
  return new Map(codes.map((code) => [code, groups.find((g) => g.inviteCode === code)?._count ?? 0]));
}

function toRow(dto: InviteDto, access: SettingsAccess, counts: Map<string, number>): InviteRowView {
  const channel = access.channels.find((c) => c.id === dto.channel_id);
  return {
    code: dto.code,
    url: inviteLink(dto.code),
    channel: {
      id: dto.channel_id,
      name: channel?.name ?? dto.channel?.name ?? "unknown",
      type: channel?.type ?? dto.channel?.type ?? 0,
    },
    inviter: dto.inviter
      ? { id: dto.inviter.id, username: dto.inviter.username, discriminator: dto.inviter.discriminator }
      : null,
    uses: dto.uses ?? 0,
    maxUses: dto.max_uses ?? 0,
    maxAge: dto.max_age ?? 0,
    expiresAt: dto.expires_at ?? null,
    createdAt: dto.created_at,
    temporary: dto.temporary,
    roles: dto.roles.map((role) => role.name),
    roleIds: dto.roles.map((role) => role.id),
    targetCount: counts.get(dto.code) ?? null,
    version: dto.version,
    canRevoke: dto.inviter_id === access.viewerId.toString() || Boolean(channel?.canManage),
  };
}

/** The table's rows and filter choices; null when the viewer lost the permission while the page loaded. */
export async function loadInviteList(
  access: SettingsAccess,
  viewer: Caller,
  filters: InviteFilters,
): Promise<InviteListView | null> {
  let dtos: InviteDto[];
  try {
    dtos = await listVisibleInvites(access, viewer);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  }
  const counts = await targetCounts(dtos);
  const rows = dtos.map((dto) => toRow(dto, access, counts));
  const inviters = new Map<string, string>();
  for (const row of rows) if (row.inviter) inviters.set(row.inviter.id, row.inviter.username);
  const channelOptions = access.channels
    .filter((c) => INVITABLE_CHANNEL_TYPES.has(c.type) && (access.canManageGuild || c.canManage))
    .map(({ id, name, type, category }) => ({ id, name, type, category }));
  return {
    invites: rows.filter(
      (row) =>
        (!filters.channel || row.channel.id === filters.channel) &&
        (!filters.inviter || row.inviter?.id === filters.inviter),
    ),
    total: rows.length,
    channelOptions,
    inviterOptions: [...inviters]
      .map(([id, username]) => ({ id, username }))
      .sort((a, b) => a.username.localeCompare(b.username)),
    filters,
  };
}
