import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { OVERWRITE_ROLE } from "@/lib/permissions";
import { recordAuditLog, type AuditChange } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { requireGrantable } from "@/server/roles/hierarchy";
import { loadOverwriteChannel } from "./load-overwrite-channel";
import type { PermissionOverwriteInput } from "@/lib/schemas/channels";
import type { Caller } from "@/server/auth/caller";

/**
 * Creates or replaces the overwrite for a role (type 0) or member (type 1) of the channel's guild.
 * The caller may only allow or deny bits they hold in that channel.
 */
export async function setPermissionOverwrite(
  channelId: bigint,
  targetId: bigint,
  caller: Caller,
  input: PermissionOverwriteInput,
  reason: string | null,
) {
  const { guildId, guildAccess, permissions } = await loadOverwriteChannel(channelId, caller);
  const allow = input.allow ?? 0n;
  const deny = input.deny ?? 0n;
  requireGrantable(permissions, allow | deny);
  const prisma = await db();
  if (input.type === OVERWRITE_ROLE) {
    if (!guildAccess.roles.some((role) => role.id === targetId)) throw new ApiError("UNKNOWN_ROLE");
  } else {
    const member = await prisma.member.findUnique({
      where: { guildId_userId: { guildId, userId: targetId } },
    });
    if (!member) throw new ApiError("UNKNOWN_MEMBER");
  }
  await prisma.$transaction(async (tx) => {
    const key = { channelId_targetId: { channelId, targetId } };
    const before = await tx.permissionOverwrite.findUnique({ where: key });
    await tx.permissionOverwrite.upsert({
      where: key,
      create: { channelId, targetId, type: input.type, allow, deny },
      update: { type: input.type, allow, deny },
    });
    const changes: AuditChange[] = [
      { key: "allow", old_value: before?.allow.toString(), new_value: allow.toString() },
      { key: "deny", old_value: before?.deny.toString(), new_value: deny.toString() },
    ];
    await recordAuditLog(tx, {
      guildId,
      actionType: before ? AuditLogAction.CHANNEL_OVERWRITE_UPDATE : AuditLogAction.CHANNEL_OVERWRITE_CREATE,
      userId: caller.id,
      targetId: channelId.toString(),
      reason,
      changes,
      options: { id: targetId.toString(), type: String(input.type) },
    });
  });
}
