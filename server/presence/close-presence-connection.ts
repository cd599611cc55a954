import { goOfflineIfIdle, type OfflineResult } from "./go-offline-if-idle";
import { withUserLock } from "./with-user-lock";

/** Removes one closed stream; when it was the user's last live connection the user goes offline. */
export async function closePresenceConnection(userId: bigint, connectionId: bigint): Promise<OfflineResult> {
  const result = await withUserLock(userId, async (tx) => {
    await tx.$executeRaw`DELETE FROM "presence_connections" WHERE "id" = ${connectionId}`;
    return goOfflineIfIdle(tx, userId);
  });
  return result ?? { wentOffline: false, pendingRemovals: 0 };
}
