// A password change (PATCH /users/@me with {password, new_password}, and the account page): the current
// password must be right, then the new hash is stored, every session ends (browsers and user tokens) and a
// fresh token is returned, as Discord does. Wrong current passwords count against the account's sign-in
// throttle, so a stolen session can't be used to guess the password either.
import { ApiError, invalidField } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { countAccountFailure, refuseLockedAccount } from "@/server/auth/sign-in-throttle";
import { issueToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { announceRevocation, revokeAllSessions } from "./end-sessions";
import type { ChangePasswordInput } from "@/lib/schemas/auth";

export async function changePassword(userId: bigint, input: ChangePasswordInput) {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.isBot || !user.email || !user.passwordHash) throw new ApiError("ACCESS_DENIED");
  await refuseLockedAccount(user.email);
  const check = await verifyPassword(input.password, user.passwordHash);
  if (!check.isValid) {
    await countAccountFailure(user.email);
    throw invalidField("password", "INVALID_PASSWORD", "The current password is wrong");
  }
  const passwordHash = await hashPassword(input.new_password);
  const token = await prisma.$transaction(async (tx) => {
    // Conditional on the hash just checked: of two changes at once, the second fails instead of silently winning.
    const changed = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash },
    });
    if (changed.count === 0) throw new ApiError("CONFLICT");
    await revokeAllSessions(tx, userId);
    return issueToken(userId, "user", tx);
  });
  await announceRevocation(userId);
  return { user, token };
}
