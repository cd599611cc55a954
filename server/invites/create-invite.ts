// POST /channels/{id}/invites: needs VIEW_CHANNEL and CREATE_INSTANT_INVITE on the
// channel after overwrites (group DM: any recipient). The guild's 1000-live-invite cap is counted inside
// the transaction, under a lock on the guild row, so two concurrent creates can't both slip under it.
import { AuditLogAction, INVITABLE_CHANNEL_TYPES, InviteType, LIMITS } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { lockChannel, lockGuild, WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { loadChannelAccess, requirePermission } from "@/server/guilds/access";
import { insertWithFreshCode } from "./insert-with-fresh-code";
import { inviteAuditChanges } from "./invite-audit";
import { inviteInclude, liveInviteWhere } from "./invite-query";
import { inviteResponse } from "./invite-response";
import { maybePurgeLapsedInvites } from "./purge-lapsed-invites";
import type { CreateInviteInput } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";

export async function createInvite(
  channelId: bigint,
  caller: Caller,
  input: CreateInviteInput,
  reason: string | null,
) {
  const prisma = await db();
  const { channel, permissions } = await loadChannelAccess(channelId, caller, prisma);
  requirePermission(permissions, Permissions.VIEW_CHANNEL | Permissions.CREATE_INSTANT_INVITE);
  if (!INVITABLE_CHANNEL_TYPES.has(channel.type)) {
    throw invalidField(
      "channel_id",
      "CHANNEL_TYPE_INVALID",
      "Invites can't be created for this type of channel",
    );
  }
  const guildId = channel.guildId;
  const settings = { maxAge: input.max_age, maxUses: input.max_uses, temporary: input.temporary };

  const invite = await prisma.$transaction(async (tx) => {
    const locked = guildId === null ? await lockChannel(tx, channelId) : await lockGuild(tx, guildId);
    if (!locked) throw new ApiError("UNKNOWN_CHANNEL");
    if (!input.unique) {
      const existing = await tx.invite.findFirst({
        where: { channelId, inviterId: caller.id, isVanity: false, ...settings, ...liveInviteWhere(tx) },
        orderBy: { createdAt: "desc" },
        include: inviteInclude,
      });
      if (existing) return existing;
    }
    if (
      guildId !== null &&
      (await tx.invite.count({ where: { guildId, ...liveInviteWhere(tx) } })) >= LIMITS.MAX_INVITES_PER_GUILD
    ) {
      throw new ApiError("MAX_INVITES");
    }
    const createdAt = new Date();
    const code = await insertWithFreshCode(tx, {
      type: guildId === null ? InviteType.GROUP_DM : InviteType.GUILD,
      guildId,
      channelId,
      inviterId: caller.id,
      createdAt,
      expiresAt: settings.maxAge > 0 ? new Date(createdAt.getTime() + settings.maxAge * 1000) : null,
      ...settings,
    });
    if (guildId !== null) {
      await recordAuditLog(tx, {
        guildId,
        actionType: AuditLogAction.INVITE_CREATE,
        userId: caller.id,
        targetId: code,
        reason,
        changes: inviteAuditChanges(
          { code, channelId, inviterId: caller.id, uses: 0, ...settings },
          "new_value",
        ),
      });
    }
    return tx.invite.findUniqueOrThrow({ where: { code }, include: inviteInclude });
  }, WRITE_TX_OPTIONS);

  await publishEvent({
    type: "INVITE_CREATE",
    guildId,
    channelId,
    data: await inviteResponse(invite, { withExpiration: true, withMetadata: true }),
  });
  maybePurgeLapsedInvites();
  return inviteResponse(invite, { withExpiration: true, withMetadata: true });
}
