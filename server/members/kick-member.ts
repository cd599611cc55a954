import { AuditLogAction } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { publishEvent } from "@/server/events/publish";
import { requireGuildMember } from "@/server/guilds/access";
import { highestRolePosition, requireAbove } from "@/server/roles/hierarchy";
import { removeMembership } from "./membership";
import type { Caller } from "@/server/auth/caller";

/** Removes a member (KICK_MEMBERS). Never the owner, never a member at or above the caller's highest role. */
export async function kickMember(guildId: bigint, userId: bigint, caller: Caller, reason: string | null) {
  const access = await requireGuildMember(guildId, caller, Permissions.KICK_MEMBERS);
  if (userId === caller.id)
    throw invalidField("user_id", "CANNOT_KICK_YOURSELF", "Leave the guild instead of kicking yourself");
  if (userId === access.guild.ownerId) throw new ApiError("MISSING_PERMISSIONS");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const target = await tx.member.findUnique({
      where: { guildId_userId: { guildId, userId } },
      include: { roles: true },
    });
    if (!target) throw new ApiError("UNKNOWN_MEMBER");
    requireAbove(
      access,
      caller.id,
      highestRolePosition(
        access.roles,
        target.roles.map((r) => r.roleId),
      ),
    );
    if (!(await removeMembership(tx, guildId, userId))) throw new ApiError("UNKNOWN_MEMBER");
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_KICK,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
    });
  });
  await publishEvent({ type: "GUILD_MEMBER_REMOVE", guildId, userId });
}
