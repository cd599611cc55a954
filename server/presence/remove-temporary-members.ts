import { db } from "@/server/db";
import { withUserLock } from "./with-user-lock";

const BATCH = 100;

export type RemovedMember = {
  guildId: bigint;
  user: { id: bigint; username: string; discriminator: number; avatarHash: string | null; isBot: boolean };
};

/**
 * Removes temporary members whose grace period after their last connection has passed (spec section 8).
 * Per member, under the user's lock: claim the pending row (a conditional delete, so two instances never
 * both act), then delete the member only if it is still temporary, has no role and the user is still
 * offline, and decrement member_count in the same transaction. The caller publishes GUILD_MEMBER_REMOVE.
 */
export async function removeDueTemporaryMembers(): Promise<RemovedMember[]> {
  const prisma = await db();
  const due = await prisma.$queryRaw<{ guild_id: bigint; user_id: bigint }[]>`
    SELECT "guild_id", "user_id" FROM "temporary_member_removals" WHERE "remove_after" <= now()
    ORDER BY "remove_after" LIMIT ${BATCH}`;
  const removed: RemovedMember[] = [];
  for (const { guild_id: guildId, user_id: userId } of due) {
    const result = await withUserLock(
      userId,
      async (tx) => {
        const claimed = await tx.$executeRaw`
          DELETE FROM "temporary_member_removals"
          WHERE "guild_id" = ${guildId} AND "user_id" = ${userId} AND "remove_after" <= now()`;
        if (claimed === 0) return null;
        const deleted = await tx.$executeRaw`
          DELETE FROM "members" m
          WHERE m."guild_id" = ${guildId} AND m."user_id" = ${userId} AND m."temporary" = true
            AND NOT EXISTS (SELECT 1 FROM "member_roles" r WHERE r."guild_id" = m."guild_id" AND r."user_id" = m."user_id")
            AND NOT EXISTS (SELECT 1 FROM "user_presences" p WHERE p."user_id" = m."user_id")`;
        if (deleted === 0) return null;
        await tx.$executeRaw`UPDATE "guilds" SET "member_count" = GREATEST(0, "member_count" - 1) WHERE "id" = ${guildId}`;
        return tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, discriminator: true, avatarHash: true, isBot: true } });
      },
      { skipLocked: true },
    ).catch((error: unknown) => {
      // One failure (a deadlock with a kick of the same member, say) must not stop the batch.
      console.error(JSON.stringify({ level: "error", msg: "temporary member removal failed", guildId: String(guildId), userId: String(userId), error: String((error as Error)?.message ?? error) }));
      return null;
    });
    if (result) removed.push({ guildId, user: result });
  }
  return removed;
}
