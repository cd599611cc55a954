// Row locks that serialise writes which must agree (a guild's invite count, a group DM's recipient count,
// a user's guild count). FOR NO KEY UPDATE, not FOR UPDATE: it still lets other transactions insert rows
// that reference the locked row (members, audit entries), so lock order can't deadlock with them.
// Every writer takes them in the same order: guild or channel, then invite, then user.
import type { Tx } from "@/server/db";

export async function lockGuild(tx: Tx, guildId: bigint): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT id FROM guilds WHERE id = ${guildId} FOR NO KEY UPDATE`;
  return rows.length > 0;
}

export async function lockChannel(tx: Tx, channelId: bigint): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT id FROM channels WHERE id = ${channelId} FOR NO KEY UPDATE`;
  return rows.length > 0;
}

export async function lockUser(tx: Tx, userId: bigint): Promise<void> {
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR NO KEY UPDATE`;
}

// Bursts of writers queue for the same rows (and PGlite runs one transaction at a time), so give them
// longer than Prisma's 2 s default to start.
export const WRITE_TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
