import { AuditLogAction } from "@/lib/constants";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { loadOverwriteChannel } from "./load-overwrite-channel";
import type { Caller } from "@/server/auth/caller";

/** Removes the channel's overwrite for a role or member; removing one that is not there is a no-op. */
export async function deletePermissionOverwrite(
  channelId: bigint,
  targetId: bigint,
  caller: Caller,
  reason: string | null,
) {
  const { guildId } = await loadOverwriteChannel(channelId, caller);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const overwrite = await tx.permissionOverwrite.findUnique({
      where: { channelId_targetId: { channelId, targetId } },
    });
    if (!overwrite) return;
    const { count } = await tx.permissionOverwrite.deleteMany({ where: { channelId, targetId } });
    if (count === 0) return;
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.CHANNEL_OVERWRITE_DELETE,
      userId: caller.id,
      targetId: channelId.toString(),
      reason,
      changes: [
        { key: "allow", old_value: overwrite.allow.toString() },
        { key: "deny", old_value: overwrite.deny.toString() },
      ],
      options: { id: targetId.toString(), type: String(overwrite.type) },
    });
  });
}
