import { db } from "@/server/db";
import { PRESENCE_STALE_SECONDS } from "./config";
import { goOfflineIfIdle, type OfflineResult } from "./go-offline-if-idle";
import { withUserLock } from "./with-user-lock";

const BATCH = 200;

export type SweptUser = { userId: bigint } & OfflineResult;

/**
 * Deletes connections whose instance stopped heart-beating (crashed or cut off) and counts their users
 * offline when nothing fresh is left. Each user in its own short transaction under the user's lock;
 * a user locked by another instance's sweep is skipped and picked up on a later tick.
 */
export async function sweepStalePresence(): Promise<SweptUser[]> {
  const prisma = await db();
  const stale = await prisma.$queryRaw<{ user_id: bigint }[]>`
    SELECT DISTINCT "user_id" FROM "presence_connections"
    WHERE "last_seen_at" < now() - (${PRESENCE_STALE_SECONDS}::int * interval '1 second')
    LIMIT ${BATCH}`;
  return settleUsers(stale.map((row) => row.user_id));
}

/**
 * Safety net, run about once a minute: users counted online with no fresh connection at all (for example
 * rows removed by hand). Scans user_presences, which holds only online users.
 */
export async function reconcileOnlineUsers(): Promise<SweptUser[]> {
  const prisma = await db();
  const idle = await prisma.$queryRaw<{ user_id: bigint }[]>`
    SELECT p."user_id" FROM "user_presences" p
    WHERE p."online_since" < now() - (${PRESENCE_STALE_SECONDS}::int * interval '1 second')
      AND NOT EXISTS (
        SELECT 1 FROM "presence_connections" c
        WHERE c."user_id" = p."user_id" AND c."last_seen_at" > now() - (${PRESENCE_STALE_SECONDS}::int * interval '1 second'))
    LIMIT ${BATCH}`;
  return settleUsers(idle.map((row) => row.user_id));
}

async function settleUsers(userIds: bigint[]): Promise<SweptUser[]> {
  const results: SweptUser[] = [];
  for (const userId of userIds) {
    const result = await withUserLock(
      userId,
      async (tx) => {
        await tx.$executeRaw`
          DELETE FROM "presence_connections"
          WHERE "user_id" = ${userId} AND "last_seen_at" < now() - (${PRESENCE_STALE_SECONDS}::int * interval '1 second')`;
        return goOfflineIfIdle(tx, userId);
      },
      { skipLocked: true },
    );
    if (result?.wentOffline) results.push({ userId, ...result });
  }
  return results;
}
