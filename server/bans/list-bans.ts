import { Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { toPartialUserDto } from "@/server/dto/user";
import { requireGuildMember } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

/** The guild's bans as `{user, reason}` (BAN_MEMBERS), oldest first. */
export async function listBans(guildId: bigint, caller: Caller, limit: number) {
  await requireGuildMember(guildId, caller, Permissions.BAN_MEMBERS);
  const prisma = await db();
  const bans = await prisma.ban.findMany({ where: { guildId }, orderBy: { createdAt: "asc" }, take: limit });
  const users = await prisma.user.findMany({ where: { id: { in: bans.map((b) => b.userId) } } });
  const byId = new Map(users.map((user) => [user.id, user]));
  return bans.flatMap((ban) => {
    const user = byId.get(ban.userId);
    // A deleted account leaves nothing to show.
    return user ? [{ user: toPartialUserDto(user), reason: ban.reason }] : [];
  });
}
