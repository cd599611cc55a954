// DELETE /invites/{code}: the inviter, a member with MANAGE_CHANNELS on the invite's
// channel, or (group DM) the channel owner. Vanity codes are managed on the guild, so they are 404 here.
import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { findLiveInvite } from "./find-live-invite";
import { requireInviteManager } from "./invite-access";
import { inviteAuditChanges } from "./invite-audit";
import { inviteResponse } from "./invite-response";
import { requireVisibleInvite } from "./invite-target-access";
import type { Caller } from "@/server/auth/caller";

export async function deleteInvite(code: string, caller: Caller, reason: string | null) {
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite || invite.isVanity) throw new ApiError("UNKNOWN_INVITE");
  await requireVisibleInvite(invite, caller, prisma);
  await requireInviteManager(invite, caller, prisma);
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.invite.deleteMany({ where: { code: invite.code } });
    if (deleted.count === 0) throw new ApiError("UNKNOWN_INVITE"); // a concurrent delete won
    if (invite.guildId !== null) {
      await recordAuditLog(tx, {
        guildId: invite.guildId,
        actionType: AuditLogAction.INVITE_DELETE,
        userId: caller.id,
        targetId: invite.code,
        reason,
        changes: inviteAuditChanges(invite, "old_value"),
      });
    }
  }, WRITE_TX_OPTIONS);
  await publishEvent({
    type: "INVITE_DELETE",
    guildId: invite.guildId,
    channelId: invite.channelId,
    data: { code: invite.code },
  });
  return inviteResponse(invite, { withExpiration: true, withMetadata: true });
}
