import { ApiError, invalidField } from "@/lib/errors";
import { nextSnowflake } from "@/lib/snowflake";
import { hashPassword } from "@/server/auth/password";
import { issueToken } from "@/server/auth/tokens";
import { db, type Tx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { RegisterInput } from "@/lib/schemas/auth";

function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify(error.meta ?? {}).includes(field) || error.message.includes(field);
}

/** Creates a user (human or bot) with a free discriminator for the name; retries on a race. */
export async function createUserRow(
  client: Tx,
  data: { username: string; email: string | null; passwordHash: string | null; isBot: boolean },
) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const discriminator = 1 + Math.floor(Math.random() * 9999);
    const taken = await client.user.findUnique({
      where: { username_discriminator: { username: data.username, discriminator } },
    });
    if (taken) continue;
    return client.user.create({ data: { id: nextSnowflake(), discriminator, ...data } });
  }
  throw invalidField(
    "username",
    "USERNAME_TOO_MANY_USERS",
    "Too many users have this username; pick another",
  );
}

/** Registers a user and returns a fresh API token (shown once). */
export async function registerUser(input: RegisterInput): Promise<{ token: string; userId: bigint }> {
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } }))
        throw new ApiError("EMAIL_ALREADY_REGISTERED");
      const user = await createUserRow(tx, {
        username: input.username,
        email: input.email,
        passwordHash,
        isBot: false,
      });
      const token = await issueToken(user.id, "user", tx);
      return { token, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new ApiError("EMAIL_ALREADY_REGISTERED");
    throw error;
  }
}

export { isUniqueViolation };
