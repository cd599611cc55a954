// Online members of a guild without touching the member table: the folded guilds.presence_count plus the
// few deltas not folded yet (indexed by guild). One row read and a short index range, whatever the size
// of the guild (docs/presence.md).
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export type GuildCounts = { guildId: bigint; memberCount: number; presenceCount: number };

/** approximate_presence_count: members with a live presence connection; 0 for an unknown guild. */
export async function countOnlineMembers(guildId: bigint): Promise<number> {
  const [counts] = await guildCounts([guildId]);
  return counts?.presenceCount ?? 0;
}

/** Member and online counts of several guilds in one query; unknown guilds are left out. */
export async function guildCounts(guildIds: bigint[]): Promise<GuildCounts[]> {
  if (guildIds.length === 0) return [];
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: bigint; member_count: number; presence_count: number }[]>`
    SELECT g."id", g."member_count",
           GREATEST(0, g."presence_count" + COALESCE((SELECT SUM(d."delta") FROM "guild_presence_deltas" d WHERE d."guild_id" = g."id"), 0))::int AS "presence_count"
    FROM "guilds" g WHERE g."id" IN (${Prisma.join(guildIds)})`;
  return rows.map((row) => ({
    guildId: row.id,
    memberCount: Number(row.member_count),
    presenceCount: Number(row.presence_count),
  }));
}

/** Online recipients of a group DM (at most 10, so a plain join is cheap). */
export async function countOnlineRecipients(channelId: bigint): Promise<number> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<{ online: number }[]>`
    SELECT COUNT(*)::int AS "online" FROM "channel_recipients" r
    JOIN "user_presences" p ON p."user_id" = r."user_id" WHERE r."channel_id" = ${channelId}`;
  return Number(row?.online ?? 0);
}
