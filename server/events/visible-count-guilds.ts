import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

/**
 * The guilds among `guildIds` whose counts this caller may follow: guilds they are a member of, and guilds
 * with a live invite (whose counts anyone holding the link already sees on the landing page). Others are
 * left out, so a guild id alone reveals nothing.
 */
export async function visibleCountGuilds(guildIds: bigint[], userId: bigint | null): Promise<bigint[]> {
  if (guildIds.length === 0) return [];
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT g."id" FROM "guilds" g
    WHERE g."id" IN (${Prisma.join(guildIds)}) AND (
      EXISTS (SELECT 1 FROM "members" m WHERE m."guild_id" = g."id" AND m."user_id" = ${userId ?? 0n})
      OR EXISTS (
        SELECT 1 FROM "invites" i WHERE i."guild_id" = g."id"
          AND (i."expires_at" IS NULL OR i."expires_at" > now()) AND (i."max_uses" = 0 OR i."uses" < i."max_uses")))`;
  const visible = new Set(rows.map((row) => row.id));
  return guildIds.filter((id) => visible.has(id));
}
