// GET /guilds/{id}/invites: the guild's live invites with metadata, newest first, vanity
// excluded. Needs MANAGE_GUILD.
import { Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { toInviteDto } from "@/server/dto/invite";
import { requireGuildMember } from "@/server/guilds/access";
import { inviteInclude, liveInviteWhere } from "./invite-query";
import type { Caller } from "@/server/auth/caller";

export async function listGuildInvites(guildId: bigint, caller: Caller) {
  const prisma = await db();
  await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  const invites = await prisma.invite.findMany({
    where: { guildId, isVanity: false, ...liveInviteWhere(prisma) },
    orderBy: [{ createdAt: "desc" }, { code: "asc" }],
    include: inviteInclude,
  });
  return invites.map((invite) => toInviteDto(invite, { withExpiration: true, withMetadata: true }));
}
