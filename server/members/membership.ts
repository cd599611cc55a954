// The only way member rows are written: each insert or delete moves guilds.member_count in the same
// transaction with an atomic `member_count = member_count ± 1`, and only when a row really changed, so the
// cheap count used by invites can never drift (no read-modify-write, no double counting on a race).
import { LIMITS } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { scheduleRemovalIfOffline } from "@/server/presence/schedule-temporary-member-removal";
import type { Tx } from "@/server/db";

export type NewMembership = {
  guildId: bigint;
  userId: bigint;
  joinSourceType: number;
  temporary?: boolean;
  sourceInviteCode?: string | null;
  inviterId?: bigint | null;
};

/**
 * Inserts the member unless it already exists. Returns true when a row was added (and the count raised).
 * Checks the ban list and the user's guild cap first; call it inside the join's transaction. A temporary
 * member who is not online is due for removal after the grace period from the start.
 */
export async function addMembership(tx: Tx, data: NewMembership): Promise<boolean> {
  const existing = await tx.member.findUnique({
    where: { guildId_userId: { guildId: data.guildId, userId: data.userId } },
  });
  if (existing) return false;
  const ban = await tx.ban.findUnique({
    where: { guildId_userId: { guildId: data.guildId, userId: data.userId } },
  });
  if (ban) throw new ApiError("USER_BANNED_FROM_GUILD");
  const guildCount = await tx.member.count({ where: { userId: data.userId } });
  if (guildCount >= LIMITS.MAX_GUILDS_PER_USER) throw new ApiError("MAX_GUILDS");
  // ON CONFLICT DO NOTHING: a concurrent join of the same user inserts nothing here and counts nothing.
  const { count } = await tx.member.createMany({
    data: [
      {
        guildId: data.guildId,
        userId: data.userId,
        joinSourceType: data.joinSourceType,
        temporary: data.temporary ?? false,
        sourceInviteCode: data.sourceInviteCode ?? null,
        inviterId: data.inviterId ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return false;
  await tx.guild.update({ where: { id: data.guildId }, data: { memberCount: { increment: 1 } } });
  if (data.temporary) await scheduleRemovalIfOffline(tx, data.guildId, data.userId);
  return true;
}

/** Deletes the member (its role links cascade). Returns true when a row was removed (and the count lowered). */
export async function removeMembership(tx: Tx, guildId: bigint, userId: bigint): Promise<boolean> {
  const { count } = await tx.member.deleteMany({ where: { guildId, userId } });
  if (count === 0) return false;
  await tx.guild.update({ where: { id: guildId }, data: { memberCount: { decrement: 1 } } });
  return true;
}
