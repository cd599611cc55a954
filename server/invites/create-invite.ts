// POST /channels/{id}/invites: needs VIEW_CHANNEL and CREATE_INSTANT_INVITE on the
// channel after overwrites (group DM: any recipient). The guild's 1000-live-invite cap is counted inside
// the transaction, under a lock on the guild row, so two concurrent creates can't both slip under it.
// `role_ids` (roles given on accept) also need MANAGE_ROLES and roles the caller may give (invite-roles.ts);
// `target_user_ids` make the invite targeted (IS_TARGETED): only those users may see or accept it. Both are
// guild-invite features, and an invite with either is always new (never an existing one reused).
import { AuditLogAction, INVITABLE_CHANNEL_TYPES, InviteFlags, InviteType, LIMITS } from "@/lib/constants";
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
import { requireGrantableRoles } from "./invite-roles";
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
  const targetUserIds = [...new Set(input.target_user_ids ?? [])];
  const isTargeted = input.target_user_ids !== undefined;
  if (guildId === null && (input.role_ids?.length || isTargeted)) {
    throw invalidField(
      input.role_ids?.length ? "role_ids" : "target_user_ids",
      "GUILD_INVITES_ONLY",
      "Only guild invites can give roles or be for specific people",
    );
  }
  const roleIds =
    guildId !== null && input.role_ids?.length
      ? await requireGrantableRoles(guildId, input.role_ids, caller, prisma)
      : [];
  const reuse = !input.unique && roleIds.length === 0 && !isTargeted;

  const invite = await prisma.$transaction(async (tx) => {
    const locked = guildId === null ? await lockChannel(tx, channelId) : await lockGuild(tx, guildId);
    if (!locked) throw new ApiError("UNKNOWN_CHANNEL");
    if (reuse) {
      // Only a plain invite is reused: one that gives roles or is for specific people is always its own.
      const existing = await tx.invite.findFirst({
        where: {
          channelId,
          inviterId: caller.id,
          isVanity: false,
          flags: 0,
          roles: { none: {} },
          ...settings,
          ...liveInviteWhere(tx),
        },
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
      flags: isTargeted ? InviteFlags.IS_TARGETED : 0,
      ...settings,
    });
    if (roleIds.length > 0)
      await tx.inviteRole.createMany({ data: roleIds.map((roleId) => ({ inviteCode: code, roleId })) });
    if (targetUserIds.length > 0)
      await tx.inviteTargetUser.createMany({
        data: targetUserIds.map((userId) => ({ inviteCode: code, userId })),
      });
    if (guildId !== null) {
      await recordAuditLog(tx, {
        guildId,
        actionType: AuditLogAction.INVITE_CREATE,
        userId: caller.id,
        targetId: code,
        reason,
        changes: [
          ...inviteAuditChanges({ code, channelId, inviterId: caller.id, uses: 0, ...settings }, "new_value"),
          ...(roleIds.length > 0 ? [{ key: "role_ids", new_value: roleIds.map(String) }] : []),
          ...(isTargeted ? [{ key: "flags", new_value: InviteFlags.IS_TARGETED }] : []),
        ],
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
