import { temporaryMemberGraceSeconds } from "./config";
import type { Tx } from "@/server/db";

/**
 * Inside the transaction that inserted a temporary member: when the user is not online, their removal is
 * due after the grace period, exactly as if their last connection had just ended. Someone who joins with an
 * API client and never opens a stream would otherwise have no "last connection" to end and stay forever.
 * The row is in the database, so any instance removes them when it is due, also after a restart; opening
 * a stream in time cancels it (openPresenceConnection), and a role makes the membership permanent.
 *
 * Races with a presence transition of the same user: the member insert's trigger took FOR SHARE on the
 * user's row, which waits for a transition in flight and makes the next one wait for this transaction, so
 * this statement sees the user's presence as it is once that transition committed (docs/presence.md).
 */
export async function scheduleRemovalIfOffline(tx: Tx, guildId: bigint, userId: bigint): Promise<boolean> {
  const scheduled = await tx.$executeRaw`
    INSERT INTO "temporary_member_removals" ("guild_id", "user_id", "remove_after")
    SELECT ${guildId}, ${userId}, now() + (${temporaryMemberGraceSeconds()}::int * interval '1 second')
    WHERE NOT EXISTS (SELECT 1 FROM "user_presences" WHERE "user_id" = ${userId})
    ON CONFLICT ("guild_id", "user_id") DO UPDATE SET "remove_after" = EXCLUDED."remove_after"`;
  return scheduled > 0;
}
