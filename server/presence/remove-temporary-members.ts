import { errorMessage } from "@/lib/error-message";
import { db, type Tx } from "@/server/db";

const BATCH = 100;

export type RemovedMember = {
  guildId: bigint;
  user: { id: bigint; username: string; discriminator: number; avatarHash: string | null; isBot: boolean };
};

function logFailure(guildId: bigint, userId: bigint, error: unknown) {
  console.error(
    JSON.stringify({
      level: "error",
      msg: "temporary member removal failed",
      guildId: String(guildId),
      userId: String(userId),
      error: errorMessage(error),
    }),
  );
}

/**
 * One removal. Lock order guild → user → member, the same as joins (guild, then user), and it waits only
 * for the guild row, while holding nothing: the user and member rows are taken with SKIP LOCKED, so a
 * presence transition, a join or a kick in flight makes it step back and retry on a later tick instead of
 * deadlocking. Claiming the pending row is a conditional delete, so two instances never both act.
 */
async function removeOne(tx: Tx, guildId: bigint, userId: bigint): Promise<RemovedMember["user"] | null> {
  const guild = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT "id" FROM "guilds" WHERE "id" = ${guildId} FOR NO KEY UPDATE`;
  if (guild.length === 0) {
    await tx.$executeRaw`DELETE FROM "temporary_member_removals" WHERE "guild_id" = ${guildId}`;
    return null;
  }
  const user = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR NO KEY UPDATE SKIP LOCKED`;
  if (user.length === 0) return null;
  const member = await tx.$queryRaw<{ user_id: bigint }[]>`
    SELECT "user_id" FROM "members" WHERE "guild_id" = ${guildId} AND "user_id" = ${userId} FOR UPDATE SKIP LOCKED`;
  if (member.length === 0) {
    // Gone already (kicked, left): drop the pending row. Locked by a kick in flight: keep it for the next tick.
    await tx.$executeRaw`
      DELETE FROM "temporary_member_removals" t WHERE t."guild_id" = ${guildId} AND t."user_id" = ${userId}
        AND NOT EXISTS (SELECT 1 FROM "members" m WHERE m."guild_id" = t."guild_id" AND m."user_id" = t."user_id")`;
    return null;
  }
  const claimed = await tx.$executeRaw`
    DELETE FROM "temporary_member_removals" WHERE "guild_id" = ${guildId} AND "user_id" = ${userId} AND "remove_after" <= now()`;
  if (claimed === 0) return null;
  // Checked at removal time: still temporary (a role makes it permanent), no role, and not back online.
  const deleted = await tx.$executeRaw`
    DELETE FROM "members" m
    WHERE m."guild_id" = ${guildId} AND m."user_id" = ${userId} AND m."temporary" = true
      AND NOT EXISTS (SELECT 1 FROM "member_roles" r WHERE r."guild_id" = m."guild_id" AND r."user_id" = m."user_id")
      AND NOT EXISTS (SELECT 1 FROM "user_presences" p WHERE p."user_id" = m."user_id")`;
  if (deleted === 0) return null;
  await tx.$executeRaw`UPDATE "guilds" SET "member_count" = GREATEST(0, "member_count" - 1) WHERE "id" = ${guildId}`;
  return tx.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, discriminator: true, avatarHash: true, isBot: true },
  });
}

/**
 * Removes temporary members whose grace period after their last connection has passed (a temporary
 * membership lasts only while its member is connected):
 * member row and member_count in one transaction. The caller publishes GUILD_MEMBER_REMOVE.
 */
export async function removeDueTemporaryMembers(): Promise<RemovedMember[]> {
  const prisma = await db();
  const due = await prisma.$queryRaw<{ guild_id: bigint; user_id: bigint }[]>`
    SELECT "guild_id", "user_id" FROM "temporary_member_removals" WHERE "remove_after" <= now()
    ORDER BY "remove_after" LIMIT ${BATCH}`;
  const removed: RemovedMember[] = [];
  for (const { guild_id: guildId, user_id: userId } of due) {
    const user = await prisma
      .$transaction((tx) => removeOne(tx, guildId, userId), { maxWait: 10_000, timeout: 15_000 })
      .catch((error: unknown) => {
        logFailure(guildId, userId, error);
        return null;
      });
    if (user) removed.push({ guildId, user });
  }
  return removed;
}
