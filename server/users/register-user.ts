import { ApiError, invalidField } from "@/lib/errors";
import { isLookupCode } from "@/lib/invite-code";
import { nextSnowflake } from "@/lib/snowflake";
import { isInstanceAdmin } from "@/server/auth/admins";
import { hashPassword } from "@/server/auth/password";
import { issueToken } from "@/server/auth/tokens";
import { registrationMode } from "@/server/config/registration";
import { db, type Tx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { announceJoin, REFUSALS } from "@/server/invites/accept-invite";
import { callAcceptInvite, type AcceptRow } from "@/server/invites/accept-queue";
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

/** Where a registration by invite put the new account: the guild, opened on the invite's channel. */
export type RegisteredJoin = { guildId: bigint; channelId: bigint };

/**
 * The invite code this registration must join with, or null, by the instance's REGISTRATION mode. Refusals
 * that need no database come first, before a password is hashed. Instance admins may register in every mode
 * without a code, so a new invite-only or closed instance can get its first admin.
 */
function inviteCodeFor(input: RegisterInput): string | null {
  const code = input.invite_code ? input.invite_code : null;
  const mode = registrationMode();
  const isAdmin = isInstanceAdmin(input.email);
  if (mode === "closed" && !isAdmin) throw new ApiError("REGISTRATION_CLOSED");
  if (mode === "invite" && !isAdmin && code === null)
    throw invalidField("invite_code", "BASE_TYPE_REQUIRED", "An invite code is required to register here");
  // A code that can't be one is unknown, as accepting it would answer.
  if (code !== null && !isLookupCode(code)) throw new ApiError("UNKNOWN_INVITE");
  return code;
}

/**
 * Accepts `code` for the account being created, inside its transaction: any refusal throws and so rolls the
 * account back with it. Only guild invites: a group DM invite would make the account a recipient of a chat,
 * not a member of a community.
 */
async function joinInTransaction(tx: Tx, code: string, userId: bigint): Promise<AcceptRow> {
  const [row] = await callAcceptInvite(tx, code, [userId]);
  if (!row || row.outcome === "unknown" || row.code === null) throw new ApiError("UNKNOWN_INVITE");
  if (row.guild_id === null)
    throw invalidField(
      "invite_code",
      "INVITE_NOT_FOR_GUILD",
      "This invite is for a group DM; registering needs an invite to a guild",
    );
  const refusal = REFUSALS[row.outcome];
  if (refusal) throw new ApiError(refusal);
  // A brand-new account can't already be a member; anything but a join leaves no account behind.
  if (row.outcome !== "joined") throw new ApiError("UNKNOWN_INVITE");
  return row;
}

/**
 * Registers a user and returns a fresh API token (shown once). With an invite code the account joins that
 * guild in the same transaction (the invite's use counted once), or is not created at all.
 */
export async function registerUser(
  input: RegisterInput,
): Promise<{ token: string; userId: bigint; joined: RegisteredJoin | null }> {
  const code = inviteCodeFor(input);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  let created;
  try {
    created = await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } }))
        throw new ApiError("EMAIL_ALREADY_REGISTERED");
      const user = await createUserRow(tx, {
        username: input.username,
        email: input.email,
        passwordHash,
        isBot: false,
      });
      const token = await issueToken(user.id, "user", tx);
      // Last, so the guild's and the invite's row locks are held only until the commit that follows.
      const join = code === null ? null : await joinInTransaction(tx, code, user.id);
      return { token, user, join };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new ApiError("EMAIL_ALREADY_REGISTERED");
    throw error;
  }
  const { token, user, join } = created;
  if (join) await announceJoin(join, user);
  return {
    token,
    userId: user.id,
    joined: join?.guild_id ? { guildId: join.guild_id, channelId: join.channel_id } : null,
  };
}

export { isUniqueViolation };
