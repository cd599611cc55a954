import { verifyPassword } from "@/server/auth/password";
import { countAccountFailure, refuseLockedAccount } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/db";

/**
 * The user with this email and password, or null (same time spent either way). Throws 429 RATE_LIMITED
 * while the account is locked by failed attempts (no hash runs then) and 503 SERVICE_UNAVAILABLE when
 * too many hashes are waiting. A right password stored with an older, weaker cost is re-hashed.
 */
export async function verifyCredentials(email: string, password: string) {
  const normalized = email.trim().toLowerCase();
  await refuseLockedAccount(normalized);
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email: normalized } });
  const check = await verifyPassword(password, user?.passwordHash);
  if (!check.isValid || !user || user.isBot) {
    await countAccountFailure(normalized);
    return null;
  }
  if (check.upgradedHash) {
    // Only over the hash just checked: a password change in between wins.
    await prisma.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: check.upgradedHash },
    });
  }
  return user;
}
