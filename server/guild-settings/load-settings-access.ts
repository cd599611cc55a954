// Who may see which guild settings page, computed once per request for the signed-in viewer:
// MANAGE_GUILD sees every invite, the pause switch and the vanity URL; MANAGE_CHANNELS on a channel (after
// overwrites) sees and revokes that channel's invites; VIEW_AUDIT_LOG or MANAGE_GUILD sees the activity.
// Everyone else is refused. Non-members and unknown guilds look the same (null), like the guild page.
import { cache } from "react";
import { orderChannels } from "@/lib/channels";
import { ChannelType, INVITABLE_CHANNEL_TYPES } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { applyOverwrites, hasPermission, Permissions } from "@/lib/permissions";
import { parseSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import { toIncidentsDataDto } from "@/server/dto/guild";
import { loadGuildAccess, type GuildAccess } from "@/server/guilds/access";
import { roleRefusal } from "@/server/invites/invite-roles";
import type { SettingsAccess, SettingsChannel } from "@/lib/guild-settings/views";

export type { SettingsAccess, SettingsChannel } from "@/lib/guild-settings/views";

export type SettingsAccessResult =
  { kind: "not-found" } | { kind: "forbidden" } | { kind: "ok"; access: SettingsAccess };

/** The roles the create-invite form offers: exactly those POST /channels/{id}/invites would accept from the viewer. */
function grantableRoles(access: GuildAccess, viewerId: bigint): SettingsAccess["grantableRoles"] {
  if (!hasPermission(access.permissions, Permissions.MANAGE_ROLES)) return [];
  return access.roles
    .filter((role) => roleRefusal(access, viewerId, role) === null)
    .sort((a, b) => b.position - a.position || (a.id < b.id ? -1 : 1))
    .map((role) => ({ id: role.id.toString(), name: role.name, color: role.color }));
}

async function load(guildIdParam: string, viewerId: bigint): Promise<SettingsAccessResult> {
  const guildId = parseSnowflake(guildIdParam);
  if (guildId === null) return { kind: "not-found" };
  let access;
  try {
    access = await loadGuildAccess(guildId, viewerId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNKNOWN_GUILD") return { kind: "not-found" };
    throw error;
  }
  if (!access.member) return { kind: "not-found" };

  const prisma = await db();
  const rows = await prisma.channel.findMany({ where: { guildId }, include: { overwrites: true } });
  const categoryNames = new Map(
    rows
      .filter((row) => row.type === ChannelType.GUILD_CATEGORY)
      .map((row) => [row.id, row.name ?? "unnamed"]),
  );
  const channels: SettingsChannel[] = orderChannels(rows).map((row) => {
    const permissions = applyOverwrites({
      base: access.permissions,
      guildId,
      userId: viewerId,
      memberRoleIds: access.memberRoleIds,
      overwrites: row.overwrites,
    });
    return {
      id: row.id.toString(),
      name: row.name ?? "unnamed",
      type: row.type,
      category: (row.parentId !== null && categoryNames.get(row.parentId)) || null,
      canManage: hasPermission(permissions, Permissions.MANAGE_CHANNELS),
      canInvite:
        INVITABLE_CHANNEL_TYPES.has(row.type) &&
        hasPermission(permissions, Permissions.VIEW_CHANNEL | Permissions.CREATE_INSTANT_INVITE),
    };
  });
  const canManageGuild = hasPermission(access.permissions, Permissions.MANAGE_GUILD);
  const isPausedForGood = access.guild.features.includes("INVITES_DISABLED");
  const timedPauseEnd = toIncidentsDataDto(access.guild).invites_disabled_until;
  return {
    kind: "ok",
    access: {
      guild: {
        id: access.guild.id.toString(),
        name: access.guild.name,
        iconHash: access.guild.iconHash,
        bannerHash: access.guild.bannerHash,
        features: [...access.guild.features].sort(),
      },
      guildId,
      viewerId,
      canManageGuild,
      canViewActivity: canManageGuild || hasPermission(access.permissions, Permissions.VIEW_AUDIT_LOG),
      isPaused: isPausedForGood || timedPauseEnd !== null,
      // The pause the switch set lasts until someone resumes: it wins over a timed one.
      pausedUntil: isPausedForGood ? null : timedPauseEnd,
      hasVanityFeature: access.guild.features.includes("VANITY_URL"),
      channels,
      grantableRoles: grantableRoles(access, viewerId),
    },
  };
}

/** The viewer's access to the guild's settings; cached per request so a page and its metadata share it. */
export const loadSettingsAccess = cache(load);

/** May see the invites page: MANAGE_GUILD, or MANAGE_CHANNELS on at least one channel. */
export function canSeeInvites(access: SettingsAccess): boolean {
  return access.canManageGuild || access.channels.some((channel) => channel.canManage);
}
