import { db } from "@/server/db";

// Any constant: one fold at a time across every instance on the database.
const FOLD_LOCK_KEY = 72707370;

/**
 * Moves pending deltas into guilds.presence_count: the deleted deltas and the guild updates commit
 * together, so presence_count + remaining deltas is exact at every moment. Returns the guilds touched.
 */
export async function foldPresenceDeltas(): Promise<number> {
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK_KEY}) AS "locked"`;
      if (!lock?.locked) return 0;
      return tx.$executeRaw`
        WITH "moved" AS (DELETE FROM "guild_presence_deltas" RETURNING "guild_id", "delta"),
             "sums" AS (SELECT "guild_id", SUM("delta")::int AS "total" FROM "moved" GROUP BY "guild_id")
        UPDATE "guilds" AS g SET "presence_count" = g."presence_count" + s."total"
        FROM "sums" AS s WHERE g."id" = s."guild_id" AND s."total" <> 0`;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
