// Who may see an event, among the users holding streams on this instance. Permissions are computed with
// the same rules as server/guilds/access.ts (lib/permissions.ts: base permissions, then channel
// overwrites), but for all local users in three queries instead of loadChannelAccess's per-user queries.
import { applyOverwrites, computeBasePermissions, hasPermission } from "@/lib/permissions";
import { db } from "@/server/db";

/** The users among `userIds` who are members of the guild. */
export async function membersAmong(guildId: bigint, userIds: bigint[]): Promise<Set<bigint>> {
  if (userIds.length === 0) return new Set();
  const prisma = await db();
  const rows = await prisma.member.findMany({
    where: { guildId, userId: { in: userIds } },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}

/** The users among `userIds` who hold every bit of `needed` on the channel (group DM: only its owner). */
export async function usersWithChannelPermission(
  channelId: bigint,
  userIds: bigint[],
  needed: bigint,
): Promise<Set<bigint>> {
  if (userIds.length === 0) return new Set();
  const prisma = await db();
  const channel = await prisma.channel.findUnique({
    where: { id: channelId },
    include: { overwrites: true },
  });
  if (!channel) return new Set();
  if (channel.guildId === null) {
    return new Set(channel.ownerId !== null && userIds.includes(channel.ownerId) ? [channel.ownerId] : []);
  }
  const guildId = channel.guildId;
  const [guild, roles, members] = await Promise.all([
    prisma.guild.findUnique({ where: { id: guildId }, select: { ownerId: true } }),
    prisma.role.findMany({ where: { guildId } }),
    prisma.member.findMany({ where: { guildId, userId: { in: userIds } }, include: { roles: true } }),
  ]);
  if (!guild) return new Set();
  const everyoneRole = roles.find((role) => role.id === guildId);
  const allowed = new Set<bigint>();
  for (const member of members) {
    const memberRoleIds = member.roles.map((role) => role.roleId);
    const roleIds = new Set(memberRoleIds);
    const base = computeBasePermissions({
      userId: member.userId,
      ownerId: guild.ownerId,
      everyoneRole,
      memberRoles: roles.filter((role) => roleIds.has(role.id)),
    });
    const permissions = applyOverwrites({
      base,
      guildId,
      userId: member.userId,
      memberRoleIds,
      overwrites: channel.overwrites,
    });
    if (hasPermission(permissions, needed)) allowed.add(member.userId);
  }
  return allowed;
}
