// Give a member a role or take it away: both idempotent (nothing written, nothing logged when the member
// already has / lacks it), 404 UNKNOWN_MEMBER when the user is not in the guild, one audit entry per change.
import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { loadAssignableRole } from "./load-assignable-role";
import type { Caller } from "@/server/auth/caller";

type Change = "$add" | "$remove";

/** `$add` gives the role, `$remove` takes it (the key the audit entry records). */
export async function changeMemberRole(
  change: Change,
  guildId: bigint,
  userId: bigint,
  roleId: bigint,
  caller: Caller,
  reason: string | null,
) {
  const { role } = await loadAssignableRole(guildId, userId, roleId, caller);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    // Being given a role makes a temporary membership permanent: someone chose to keep this member, so
    // they are not removed when they disconnect.
    const memberFound =
      change === "$add"
        ? (await tx.member.updateMany({ where: { guildId, userId }, data: { temporary: false } })).count
        : await tx.member.count({ where: { guildId, userId } });
    if (memberFound === 0) throw new ApiError("UNKNOWN_MEMBER");
    const { count } =
      change === "$add"
        ? await tx.memberRole.createMany({ data: [{ guildId, userId, roleId }], skipDuplicates: true })
        : await tx.memberRole.deleteMany({ where: { guildId, userId, roleId } });
    if (count === 0) return;
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_ROLE_UPDATE,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
      changes: [{ key: change, new_value: [{ id: role.id.toString(), name: role.name }] }],
    });
  });
}
