import { AuditLogAction, JoinSourceType } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { toMemberDto } from "@/server/dto/member";
import { publishEvent } from "@/server/events/publish";
import { loadGuildAccess, requireGuildMember } from "@/server/guilds/access";
import { addMembership } from "./membership";
import type { Caller } from "@/server/auth/caller";

/**
 * Adds a user to a guild directly. Managers (MANAGE_GUILD) may add bots only: people join through
 * invites. Instance admins may add anyone to any guild (operator tooling, and how tests seed members).
 * A private bot (its application's `bot_public` false) may be added by the application's owner only,
 * whoever else asks, instance admins included. Returns `created: false` when the user already was a member.
 */
export async function addMember(guildId: bigint, userId: bigint, caller: Caller, reason: string | null) {
  let managesGuild: boolean;
  if (caller.isAdmin) {
    const access = await loadGuildAccess(guildId, caller.id);
    managesGuild = access.member !== null && hasPermission(access.permissions, Permissions.MANAGE_GUILD);
  } else {
    await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD);
    managesGuild = true;
  }
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { application: { select: { ownerId: true, botPublic: true } } },
  });
  if (!user) throw new ApiError("UNKNOWN_USER");
  if (!user.isBot && !caller.isAdmin)
    throw invalidField(
      "user_id",
      "USER_NOT_BOT",
      "Only bots can be added directly; people join with an invite",
    );
  if (user.application && !user.application.botPublic && user.application.ownerId !== caller.id)
    throw new ApiError("BOT_IS_PRIVATE");
  const created = await prisma.$transaction(async (tx) => {
    // A bot added by someone who manages the guild came in through a bot invite; anything else an instance
    // admin added on their own authority (people, or a bot in a guild they don't manage). The adder is kept
    // as the inviter either way.
    const joinSourceType =
      user.isBot && managesGuild ? JoinSourceType.BOT_INVITE : JoinSourceType.ADMIN_FORCE_ADD;
    const added = await addMembership(tx, { guildId, userId, joinSourceType, inviterId: caller.id });
    if (added && user.isBot) {
      await recordAuditLog(tx, {
        guildId,
        actionType: AuditLogAction.BOT_ADD,
        userId: caller.id,
        targetId: userId.toString(),
        reason,
      });
    }
    return added;
  });
  const member = await prisma.member.findUnique({
    where: { guildId_userId: { guildId, userId } },
    include: { user: true, roles: true },
  });
  if (!member) throw new ApiError("UNKNOWN_MEMBER"); // removed again in between
  if (created) await publishEvent({ type: "GUILD_MEMBER_ADD", guildId, userId, data: toMemberDto(member) });
  return { created, member: toMemberDto(member) };
}
