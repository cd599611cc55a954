import { PRESENCE_STALE_SECONDS, temporaryMemberGraceSeconds } from "./config";
import type { Tx } from "@/server/db";

export type OfflineResult = { wentOffline: boolean; pendingRemovals: number };

/**
 * Inside a transaction that holds the user's lock: when the user has no fresh connection left but is still
 * counted online, count them offline (-1 in each of their guilds) and schedule the removal of each of
 * their temporary memberships after the grace period.
 */
export async function goOfflineIfIdle(tx: Tx, userId: bigint): Promise<OfflineResult> {
  const fresh = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT "id" FROM "presence_connections"
    WHERE "user_id" = ${userId} AND "last_seen_at" > now() - (${PRESENCE_STALE_SECONDS}::int * interval '1 second')
    LIMIT 1`;
  if (fresh.length > 0) return { wentOffline: false, pendingRemovals: 0 };
  const deleted = await tx.$executeRaw`DELETE FROM "user_presences" WHERE "user_id" = ${userId}`;
  if (deleted === 0) return { wentOffline: false, pendingRemovals: 0 };
  await tx.$executeRaw`
    INSERT INTO "guild_presence_deltas" ("guild_id", "delta") SELECT "guild_id", -1 FROM "members" WHERE "user_id" = ${userId}`;
  const pendingRemovals = await tx.$executeRaw`
    INSERT INTO "temporary_member_removals" ("guild_id", "user_id", "remove_after")
    SELECT "guild_id", "user_id", now() + (${temporaryMemberGraceSeconds()}::int * interval '1 second')
    FROM "members" WHERE "user_id" = ${userId} AND "temporary" = true
    ON CONFLICT ("guild_id", "user_id") DO UPDATE SET "remove_after" = EXCLUDED."remove_after"`;
  return { wentOffline: true, pendingRemovals };
}
