import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { loadAssignableRole } from "./load-assignable-role";
import type { Caller } from "@/server/auth/caller";

/**
 * Gives a member a role (idempotent). Being given a role makes a temporary membership permanent
 * (a temporary member who got a role is not removed when they disconnect: someone chose to keep them).
 */
export async function addMemberRole(
  guildId: bigint,
  userId: bigint,
  roleId: bigint,
  caller: Caller,
  reason: string | null,
) {
  const { role } = await loadAssignableRole(guildId, userId, roleId, caller);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const { count: memberFound } = await tx.member.updateMany({
      where: { guildId, userId },
      data: { temporary: false },
    });
    if (memberFound === 0) throw new ApiError("UNKNOWN_MEMBER");
    const { count } = await tx.memberRole.createMany({
      data: [{ guildId, userId, roleId }],
      skipDuplicates: true,
    });
    if (count === 0) return;
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_ROLE_UPDATE,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
      changes: [{ key: "$add", new_value: [{ id: role.id.toString(), name: role.name }] }],
    });
  });
}
