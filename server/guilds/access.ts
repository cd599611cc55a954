// Authorization next to the data: load the exact guild or channel a request touches, with the caller's
// computed permissions (lib/permissions.ts), and refuse with the error table's codes (lib/errors.ts).
import { ApiError } from "@/lib/errors";
import { applyOverwrites, computeBasePermissions, hasPermission } from "@/lib/permissions";
import { db, type Tx } from "@/server/db";
import type { Caller } from "@/server/auth/caller";

type Client = Tx;

export type GuildAccess = Awaited<ReturnType<typeof loadGuildAccess>>;

/** The guild and the caller's membership and guild-level permissions; member is null for non-members. */
export async function loadGuildAccess(guildId: bigint, userId: bigint, client?: Client) {
  const prisma = client ?? (await db());
  const queries = [
    () => prisma.guild.findUnique({ where: { id: guildId } }),
    () =>
      prisma.member.findUnique({ where: { guildId_userId: { guildId, userId } }, include: { roles: true } }),
    () => prisma.role.findMany({ where: { guildId } }),
  ] as const;
  // A transaction is one connection: its queries must run one after another (pg refuses overlapping ones).
  const [guild, member, roles] = client
    ? [await queries[0](), await queries[1](), await queries[2]()]
    : await Promise.all([queries[0](), queries[1](), queries[2]()]);
  if (!guild) throw new ApiError("UNKNOWN_GUILD");
  const memberRoleIds = member?.roles.map((r) => r.roleId) ?? [];
  const roleIds = new Set(memberRoleIds);
  const permissions = member
    ? computeBasePermissions({
        userId,
        ownerId: guild.ownerId,
        everyoneRole: roles.find((r) => r.id === guildId),
        memberRoles: roles.filter((r) => roleIds.has(r.id)),
      })
    : 0n;
  return { guild, member, roles, memberRoleIds, permissions };
}

/** Requires membership (403 MISSING_ACCESS) and, when given, every bit of `needed` (403 MISSING_PERMISSIONS). */
export async function requireGuildMember(
  guildId: bigint,
  caller: Caller,
  needed: bigint = 0n,
  client?: Client,
) {
  const access = await loadGuildAccess(guildId, caller.id, client);
  if (!access.member) throw new ApiError("MISSING_ACCESS");
  if (needed && !hasPermission(access.permissions, needed)) throw new ApiError("MISSING_PERMISSIONS");
  return access;
}

/**
 * The channel and the caller's permissions in it after overwrites. Group DMs: recipients get
 * VIEW_CHANNEL and CREATE_INSTANT_INVITE; others 403 MISSING_ACCESS. Unknown channel: 404 UNKNOWN_CHANNEL.
 */
export async function loadChannelAccess(channelId: bigint, caller: Pick<Caller, "id">, client?: Client) {
  const prisma = client ?? (await db());
  const channel = await prisma.channel.findUnique({
    where: { id: channelId },
    include: { overwrites: true },
  });
  if (!channel) throw new ApiError("UNKNOWN_CHANNEL");
  if (channel.guildId === null) {
    const recipient = await prisma.channelRecipient.findUnique({
      where: { channelId_userId: { channelId, userId: caller.id } },
    });
    if (!recipient) throw new ApiError("MISSING_ACCESS");
    return {
      channel,
      guildAccess: null,
      permissions: 1n | (1n << 10n),
      isGroupDmOwner: channel.ownerId === caller.id,
    };
  }
  const guildAccess = await loadGuildAccess(channel.guildId, caller.id, client);
  if (!guildAccess.member) throw new ApiError("MISSING_ACCESS");
  const permissions = applyOverwrites({
    base: guildAccess.permissions,
    guildId: channel.guildId,
    userId: caller.id,
    memberRoleIds: guildAccess.memberRoleIds,
    overwrites: channel.overwrites,
  });
  return { channel, guildAccess, permissions, isGroupDmOwner: false };
}

export function requirePermission(permissions: bigint, needed: bigint) {
  if (!hasPermission(permissions, needed)) throw new ApiError("MISSING_PERMISSIONS");
}
