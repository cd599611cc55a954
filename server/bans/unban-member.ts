import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

/** Lifts a ban (BAN_MEMBERS); 404 UNKNOWN_BAN when the user is not banned. */
export async function unbanMember(guildId: bigint, userId: bigint, caller: Caller, reason: string | null) {
  await requireGuildMember(guildId, caller, Permissions.BAN_MEMBERS);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.ban.deleteMany({ where: { guildId, userId } });
    if (count === 0) throw new ApiError("UNKNOWN_BAN");
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.MEMBER_BAN_REMOVE,
      userId: caller.id,
      targetId: userId.toString(),
      reason,
    });
  });
}
