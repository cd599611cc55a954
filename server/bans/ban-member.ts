import { AuditLogAction } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { lockGuild, WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { requireGuildMember } from "@/server/guilds/access";
import { removeMembership } from "@/server/members/membership";
import { highestRolePosition, requireAbove } from "@/server/roles/hierarchy";
import type { Caller } from "@/server/auth/caller";

/**
 * Bans a user (BAN_MEMBERS), member or not; a member is removed in the same transaction. Never the owner
 * or the caller, never a member at or above the caller's highest role. Banning again updates the reason.
 */
export async function banMember(guildId: bigint, userId: bigint, caller: Caller, reason: string | null) {
  const access = await requireGuildMember(guildId, caller, Permissions.BAN_MEMBERS);
  if (userId === caller.id) throw invalidField("user_id", "CANNOT_BAN_YOURSELF", "You cannot ban yourself");
  if (userId === access.guild.ownerId) throw new ApiError("MISSING_PERMISSIONS");
  const prisma = await db();
  if (!(await prisma.user.findUnique({ where: { id: userId } }))) throw new ApiError("UNKNOWN_USER");
  const removed = await prisma.$transaction(async (tx) => {
    // Same lock as accept takes first: a ban racing an accept is ordered before or after it, never between
    // accept's ban check and its member insert.
    await lockGuild(tx, guildId);
    const target = await tx.member.findUnique({
      where: { guildId_userId: { guildId, userId } },
      include: { roles: true },
    });
    if (target)
      requireAbove(
        access,
        caller.id,
        highestRolePosition(
          access.roles,
          target.roles.map((r) => r.roleId),
        ),
      );
    await tx.ban.upsert({
      where: { guildId_userId: { guildId, userId } },
      create: { guildId, userId, reason, moderatorId: caller.id },
      update: { reason, moderatorId: caller.id },
    });
    const wasMember = await removeMembership(tx, guildId, userId);
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_BAN_ADD,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
    });
    return wasMember;
  }, WRITE_TX_OPTIONS);
  if (removed) await publishEvent({ type: "GUILD_MEMBER_REMOVE", guildId, userId });
}
