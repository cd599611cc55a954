import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";

/** The user with this email and password, or null (same time spent either way). */
export async function verifyCredentials(email: string, password: string) {
  const user = await (await db()).user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const isValid = await verifyPassword(password, user?.passwordHash);
  return isValid && user && !user.isBot ? user : null;
}
