// The invite object as Fluxer's API sends it: exactly its fields, in its order. Metadata (uses,
// max_uses, max_age), counts and expires_at appear only when the caller asked for and may see them.
import { InviteType } from "@/lib/constants";
import { toInviteGuildDto, toPartialGuildDto } from "./guild";
import { toPartialUserDto } from "./user";
import type { InviteObject } from "@/lib/invites/invite-object";

type GuildRow = Parameters<typeof toPartialGuildDto>[0];
type UserRow = Parameters<typeof toPartialUserDto>[0];

export type InviteRow = {
  code: string;
  type: number;
  guildId: bigint | null;
  channelId: bigint;
  inviterId: bigint | null;
  createdAt: Date;
  expiresAt: Date | null;
  uses: number;
  maxUses: number;
  maxAge: number;
  temporary: boolean;
  version: number;
  flags: number;
  /** The roles the invite gives, in the order to show them. */
  roles: { role: { id: bigint; name: string; color: number } }[];
  guild: GuildRow | null;
  channel: { id: bigint; name: string | null; type: number; recipients: { user: { username: string } }[] };
  inviter: UserRow | null;
};

export type InviteDtoOptions = {
  withCounts?: boolean;
  withExpiration?: boolean;
  withMetadata?: boolean;
  /** Online members; required with `withCounts` (see server/invites/presence-count.ts). */
  presenceCount?: number;
};

function toInviteChannelDto(row: InviteRow) {
  const channel = { id: row.channel.id.toString(), name: row.channel.name, type: row.channel.type };
  if (row.type !== InviteType.GROUP_DM) return channel;
  return { ...channel, recipients: row.channel.recipients.map((r) => ({ username: r.user.username })) };
}

/** Members for `approximate_member_count`: the guild's maintained count, or a group DM's recipients. */
export function inviteMemberCount(row: InviteRow): number {
  return row.type === InviteType.GROUP_DM ? row.channel.recipients.length : (row.guild?.memberCount ?? 0);
}

export function toInviteDto(row: InviteRow, options: InviteDtoOptions = {}): InviteObject {
  const isGuildInvite = row.type !== InviteType.GROUP_DM;
  return {
    code: row.code,
    type: row.type,
    guild: isGuildInvite && row.guild ? toInviteGuildDto(row.guild) : null,
    guild_id: isGuildInvite ? (row.guildId?.toString() ?? null) : null,
    channel: toInviteChannelDto(row),
    channel_id: row.channelId.toString(),
    inviter: row.inviter ? toPartialUserDto(row.inviter) : null,
    inviter_id: row.inviterId?.toString() ?? null,
    created_at: row.createdAt.toISOString(),
    ...(options.withExpiration ? { expires_at: row.expiresAt?.toISOString() ?? null } : {}),
    ...(options.withMetadata ? { uses: row.uses, max_uses: row.maxUses, max_age: row.maxAge } : {}),
    temporary: row.temporary,
    ...(options.withCounts
      ? {
          approximate_member_count: inviteMemberCount(row),
          approximate_presence_count: options.presenceCount ?? 0,
        }
      : {}),
    flags: row.flags,
    roles: row.roles.map(({ role }) => ({
      id: role.id.toString(),
      name: role.name,
      color: role.color,
      icon_hash: null,
    })),
    version: row.version,
  };
}

export type InviteDto = InviteObject;
