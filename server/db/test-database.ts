// For unit tests that run against a real database: an in-memory PGlite opened before the suite's tests (with
// every migration applied) and closed after them, and the smallest world an invite needs.
import { after, before } from "node:test";
import { nextSnowflake } from "@/lib/snowflake";
import type { PrismaClient } from "@/server/generated/prisma/client";

/**
 * Call inside a `describe`: the suite's tests get an empty in-memory database through `db()`. Must run before
 * anything opens the database, which is why tests import the modules they exercise inside their tests.
 */
export function useMemoryDatabase(): void {
  process.env.DATABASE_URL = "pglite:memory";
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const { openDatabase } = await import("@/server/db");
    const database = await openDatabase();
    close = () => database.close();
  });
  after(async () => close?.());
}

/** A user owning a guild with one text channel, fresh ids each call: what invites are created in. */
export async function seedGuild(prisma: PrismaClient, name: string) {
  const ownerId = nextSnowflake();
  const guildId = nextSnowflake();
  const channelId = nextSnowflake();
  await prisma.user.create({ data: { id: ownerId, username: `${name}${ownerId}`, discriminator: 1 } });
  await prisma.guild.create({ data: { id: guildId, name, ownerId } });
  await prisma.channel.create({ data: { id: channelId, guildId, type: 0, name: "general" } });
  return { ownerId, guildId, channelId };
}
