// GET /guilds/{id}/invite-analytics: every invite of the guild (the vanity one included, lapsed ones until they
// are purged) with its views and joins over the range, ranked by joins, then conversion, then views. MANAGE_GUILD.
import { conversion } from "@/lib/analytics/buckets";
import { Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import type { GuildInviteAnalyticsQuery } from "@/lib/schemas/analytics";
import type { Caller } from "@/server/auth/caller";

export type GuildInviteAnalyticsRow = {
  code: string;
  inviter_id: string | null;
  views: number;
  joins: number;
  conversion: number | null;
};

export async function getGuildInviteAnalytics(
  guildId: bigint,
  caller: Caller,
  query: GuildInviteAnalyticsQuery,
): Promise<{ invites: GuildInviteAnalyticsRow[] }> {
  const prisma = await db();
  await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  const rows = await prisma.$queryRaw<
    { code: string; inviter_id: bigint | null; views: number; joins: number }[]
  >`
    SELECT i."code", i."inviter_id", COALESCE(SUM(b."views"), 0)::int AS "views", COALESCE(SUM(b."joins"), 0)::int AS "joins"
    FROM "invites" i
    LEFT JOIN "invite_analytics_buckets" b
      ON b."invite_code" = i."code" AND b."bucket_start" >= ${query.from} AND b."bucket_start" < ${query.to}
    WHERE i."guild_id" = ${guildId}
    GROUP BY i."code", i."inviter_id"`;
  const invites = rows.map((row) => ({
    code: row.code,
    inviter_id: row.inviter_id === null ? null : row.inviter_id.toString(),
    views: row.views,
    joins: row.joins,
    conversion: conversion(row.views, row.joins),
  }));
  invites.sort(
    (a, b) =>
      b.joins - a.joins ||
      (b.conversion ?? -1) - (a.conversion ?? -1) ||
      b.views - a.views ||
      (a.code < b.code ? -1 : 1),
  );
  return { invites };
}
