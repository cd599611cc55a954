// Ending every session of a user at once: the browser sessions (raising the session version, see
// server/auth/session-version.ts) and the user's API tokens (flx_…). Bot tokens belong to the bot users of
// the user's applications and are left alone. The raise travels over the event bus after the commit, so
// every instance refuses the old sessions on their next request and closes the user's event streams.
import { db } from "@/server/db";
import { publishEvent } from "@/server/events/publish";
import type { Tx } from "@/server/db";

/** Inside the caller's transaction: raises the session version and revokes every user token. */
export async function revokeAllSessions(tx: Tx, userId: bigint): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.apiToken.updateMany({
    where: { userId, kind: "user", revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** After the commit: every instance drops what it cached and closes the user's streams. */
export async function announceRevocation(userId: bigint): Promise<void> {
  await publishEvent({ type: "USER_SESSIONS_REVOKED", userId });
}

/** Log out everywhere: every browser session of the user ends and every user token is revoked. */
export async function logOutEverywhere(userId: bigint): Promise<void> {
  const prisma = await db();
  await prisma.$transaction((tx) => revokeAllSessions(tx, userId));
  await announceRevocation(userId);
}
