import { nextSnowflake } from "@/lib/snowflake";
import { issueToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { createUserRow } from "@/server/users/register-user";
import type { CreateApplicationInput } from "@/lib/schemas/applications";
import type { Caller } from "@/server/auth/caller";

/** A bot username from an application name: the characters usernames allow, at least two of them. */
function botUsername(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32);
  return cleaned.length >= 2 ? cleaned : `bot${cleaned}`;
}

/**
 * Creates an application owned by the caller with its bot user (no email, no password) and a bot token,
 * returned in clear text once. The bot authenticates with `Authorization: Bot <token>`. `bot_public: false`
 * keeps the bot out of every guild its owner does not add it to.
 */
export async function createApplication(caller: Caller, input: CreateApplicationInput) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const bot = await createUserRow(tx, {
      username: botUsername(input.name),
      email: null,
      passwordHash: null,
      isBot: true,
    });
    const application = await tx.application.create({
      data: {
        id: nextSnowflake(),
        name: input.name,
        ownerId: caller.id,
        botUserId: bot.id,
        botPublic: input.bot_public,
      },
    });
    const token = await issueToken(bot.id, "bot", tx);
    return {
      id: application.id.toString(),
      name: application.name,
      bot_public: application.botPublic,
      bot: {
        id: bot.id.toString(),
        username: bot.username,
        discriminator: bot.discriminator,
        avatar_hash: bot.avatarHash,
        bot: true,
      },
      token,
    };
  });
}
