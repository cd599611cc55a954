// GET /channels/{id}/invites: live invites of one channel with metadata, newest first,
// vanity excluded. Needs MANAGE_CHANNELS; for a group DM, its owner.
import { ApiError } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { toInviteDto } from "@/server/dto/invite";
import { loadChannelAccess, requirePermission } from "@/server/guilds/access";
import { inviteInclude, liveInviteWhere } from "./invite-query";
import type { Caller } from "@/server/auth/caller";

export async function listChannelInvites(channelId: bigint, caller: Caller) {
  const prisma = await db();
  const access = await loadChannelAccess(channelId, caller, prisma);
  if (access.channel.guildId === null) {
    if (!access.isGroupDmOwner) throw new ApiError("MISSING_PERMISSIONS");
  } else {
    requirePermission(access.permissions, Permissions.MANAGE_CHANNELS);
  }
  const invites = await prisma.invite.findMany({
    where: { channelId, isVanity: false, ...liveInviteWhere(prisma) },
    orderBy: [{ createdAt: "desc" }, { code: "asc" }],
    include: inviteInclude,
  });
  return invites.map((invite) => toInviteDto(invite, { withExpiration: true, withMetadata: true }));
}
