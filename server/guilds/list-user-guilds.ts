import { computeBasePermissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { toPartialGuildDto } from "@/server/dto/guild";

/** The user's guilds with `owner` and the user's guild-level `permissions`, oldest membership first. */
export async function listUserGuilds(userId: bigint) {
  const prisma = await db();
  const members = await prisma.member.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    include: { guild: { include: { roles: true } }, roles: true },
  });
  return members.map(({ guild, roles }) => {
    const roleIds = new Set(roles.map((r) => r.roleId));
    const permissions = computeBasePermissions({
      userId,
      ownerId: guild.ownerId,
      everyoneRole: guild.roles.find((r) => r.id === guild.id),
      memberRoles: guild.roles.filter((r) => roleIds.has(r.id)),
    });
    return {
      ...toPartialGuildDto(guild),
      owner: guild.ownerId === userId,
      permissions: permissions.toString(),
      member_count: guild.memberCount,
    };
  });
}
