import { instanceId } from "./config";
import { withUserLock } from "./with-user-lock";

/**
 * Registers (or re-registers, after a sweep) one open stream of a user. When it is the user's first live
 * connection the user goes online: +1 for each guild they are in, and pending temporary-member removals
 * are cancelled (they came back). Returns whether the user went online, or null for an unknown user.
 */
export async function openPresenceConnection(
  userId: bigint,
  connectionId: bigint,
): Promise<{ wentOnline: boolean } | null> {
  return withUserLock(userId, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "presence_connections" ("id", "user_id", "instance_id", "created_at", "last_seen_at")
      VALUES (${connectionId}, ${userId}, ${instanceId()}, now(), now())
      ON CONFLICT ("id") DO UPDATE SET "last_seen_at" = now()`;
    const inserted = await tx.$executeRaw`
      INSERT INTO "user_presences" ("user_id", "online_since") VALUES (${userId}, now()) ON CONFLICT ("user_id") DO NOTHING`;
    if (inserted > 0) {
      await tx.$executeRaw`
        INSERT INTO "guild_presence_deltas" ("guild_id", "delta") SELECT "guild_id", 1 FROM "members" WHERE "user_id" = ${userId}`;
    }
    await tx.$executeRaw`DELETE FROM "temporary_member_removals" WHERE "user_id" = ${userId}`;
    return { wentOnline: inserted > 0 };
  });
}
