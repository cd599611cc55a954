// Revocable browser sessions. A browser session is a signed JWT that nothing stores, so each user has a
// session version (users.session_version): a JWT carries the version it was signed in under, and the
// Auth.js jwt callback ends every session whose version is no longer the user's (next-auth.ts). Log out
// everywhere and a password change raise it (server/users/end-sessions.ts). JWTs from before versions
// existed carry none: they count as version 0, the column's default, and keep working until the first raise.
//
// Checking means a read per request, so each instance keeps the current version of recently seen users for
// a few seconds, forgotten at once on every instance when they are raised (credential-cache.ts).
import { db } from "@/server/db";
import { cached, forget, readMark, remember } from "./credential-cache";

/** The user's session version now, or null when the user no longer exists or is a bot (no browser sessions). */
export async function currentSessionVersion(userId: bigint, now = Date.now()): Promise<number | null> {
  const key = userId.toString();
  const hit = cached<number>("versions", key, now);
  if (hit !== undefined) return hit;
  const mark = readMark();
  const user = await (
    await db()
  ).user.findUnique({ where: { id: userId }, select: { sessionVersion: true, isBot: true } });
  if (!user || user.isBot) {
    forget("versions", key);
    return null;
  }
  remember("versions", key, userId, user.sessionVersion, mark, now);
  return user.sessionVersion;
}

/** Whether a session that carries `tokenVersion` (undefined in JWTs from before versions) is still valid. */
export function isSessionCurrent(tokenVersion: unknown, currentVersion: number | null): boolean {
  if (currentVersion === null) return false;
  const carried = tokenVersion === undefined ? 0 : tokenVersion;
  return typeof carried === "number" && carried === currentVersion;
}
