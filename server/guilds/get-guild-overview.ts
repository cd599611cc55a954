// Everything the guild page shows, for one viewer: the guild, the channels that viewer can see, the first
// members with their roles, whether to offer the settings link, and how the viewer joined. Non-members get null (never data).
import { cache } from "react";
import { groupChannels } from "@/lib/channels";
import { ApiError } from "@/lib/errors";
import { applyOverwrites, hasPermission, Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { loadGuildAccess } from "./access";
import type {
  GuildOverview,
  OverviewChannel,
  OverviewChannelGroup,
  OverviewMember,
} from "@/lib/guilds/overview";

export const MEMBER_PAGE_SIZE = 100;

export type {
  GuildOverview,
  OverviewChannel,
  OverviewChannelGroup,
  OverviewMember,
  OverviewRole,
} from "@/lib/guilds/overview";

async function loadAccessOrNull(guildId: bigint, viewerId: bigint) {
  try {
    return await loadGuildAccess(guildId, viewerId);
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNKNOWN_GUILD") return null;
    throw error;
  }
}

function toChannel(row: { id: bigint; name: string | null; type: number }): OverviewChannel {
  return { id: row.id.toString(), name: row.name ?? "unnamed", type: row.type };
}

/** Cached per request, so the page and its metadata share one lookup. */
export const getGuildOverview = cache(
  async (guildId: bigint, viewerId: bigint): Promise<GuildOverview | null> => {
    const access = await loadAccessOrNull(guildId, viewerId);
    if (!access?.member) return null;
    const prisma = await db();
    const [channelRows, memberRows] = await Promise.all([
      prisma.channel.findMany({
        where: { guildId },
        include: { overwrites: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      }),
      prisma.member.findMany({
        where: { guildId },
        orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
        take: MEMBER_PAGE_SIZE,
        include: {
          user: { select: { username: true, discriminator: true, isBot: true } },
          roles: { select: { roleId: true } },
        },
      }),
    ]);

    const canView = (channel: (typeof channelRows)[number]) =>
      hasPermission(
        applyOverwrites({
          base: access.permissions,
          guildId,
          userId: viewerId,
          memberRoleIds: access.memberRoleIds,
          overwrites: channel.overwrites,
        }),
        Permissions.VIEW_CHANNEL,
      );
    // The guild's order (lib/channels.ts); a category shows when the viewer sees something in it, or sees
    // the (empty) category itself.
    const groups: OverviewChannelGroup[] = groupChannels(channelRows).flatMap<OverviewChannelGroup>(
      (group) => {
        const channels = group.channels.filter(canView).map(toChannel);
        if (group.category === null) return [{ category: null, channels }];
        return channels.length > 0 || canView(group.category)
          ? [{ category: toChannel(group.category), channels }]
          : [];
      },
    );

    const rolesById = new Map(access.roles.filter((r) => r.id !== guildId).map((r) => [r.id, r]));
    const members: OverviewMember[] = memberRows.map((m) => ({
      userId: m.userId.toString(),
      username: m.user.username,
      discriminator: m.user.discriminator,
      nick: m.nick,
      isBot: m.user.isBot,
      isOwner: m.userId === access.guild.ownerId,
      roles: m.roles
        .flatMap((r) => rolesById.get(r.roleId) ?? [])
        .sort((a, b) => b.position - a.position)
        .map((r) => ({ id: r.id.toString(), name: r.name, color: r.color, position: r.position })),
    }));

    const canManage =
      hasPermission(access.permissions, Permissions.MANAGE_GUILD) ||
      hasPermission(access.permissions, Permissions.MANAGE_CHANNELS);
    const { guild } = access;
    return {
      guild: {
        id: guild.id.toString(),
        name: guild.name,
        iconHash: guild.iconHash,
        bannerHash: guild.bannerHash,
        features: [...guild.features].sort(),
        memberCount: guild.memberCount,
        isOwner: guild.ownerId === viewerId,
      },
      channelGroups: groups.filter((g) => g.category !== null || g.channels.length > 0),
      members,
      canManage,
      /** The viewer's own membership: when and how they joined. */
      membership: { joinedAt: access.member.joinedAt, joinSourceType: access.member.joinSourceType },
    };
  },
);
