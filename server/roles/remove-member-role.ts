import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { loadAssignableRole } from "./load-assignable-role";
import type { Caller } from "@/server/auth/caller";

/** Takes a role from a member (idempotent; 404 UNKNOWN_MEMBER when the user is not in the guild). */
export async function removeMemberRole(
  guildId: bigint,
  userId: bigint,
  roleId: bigint,
  caller: Caller,
  reason: string | null,
) {
  const { role } = await loadAssignableRole(guildId, userId, roleId, caller);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { guildId_userId: { guildId, userId } } });
    if (!member) throw new ApiError("UNKNOWN_MEMBER");
    const { count } = await tx.memberRole.deleteMany({ where: { guildId, userId, roleId } });
    if (count === 0) return;
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_ROLE_UPDATE,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
      changes: [{ key: "$remove", new_value: [{ id: role.id.toString(), name: role.name }] }],
    });
  });
}
