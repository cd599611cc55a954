// The invite leaderboard of the Members view: who brought the most people in through invite links over the
// last 24 hours, 7 days or all time (joins of members still in the guild). Counted from the partial index on
// invite joins (migration 20261201100000_member_search), so a large guild is read from the index alone.
// MANAGE_GUILD only, checked here again.
import { JoinSourceType } from "@/lib/constants";
import {
  LEADERBOARD_PERIODS,
  LEADERBOARD_SIZE,
  type LeaderboardPeriod,
  type LeaderboardRowView,
} from "@/lib/guild-settings/members";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import type { SettingsAccess } from "@/lib/guild-settings/views";

export async function loadInviteLeaderboard(
  access: SettingsAccess,
  period: LeaderboardPeriod,
  now = Date.now(),
): Promise<LeaderboardRowView[] | null> {
  if (!access.canManageGuild) return null;
  const seconds = LEADERBOARD_PERIODS.find((p) => p.value === period)?.seconds ?? null;
  const since =
    seconds === null ? Prisma.empty : Prisma.sql`AND m."joined_at" >= ${new Date(now - seconds * 1000)}`;
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ inviter_id: bigint; joins: number }[]>`
    SELECT m."inviter_id", count(*)::int AS "joins"
      FROM "members" m
     WHERE m."guild_id" = ${access.guildId} AND m."join_source_type" = ${JoinSourceType.INSTANT_INVITE} AND m."inviter_id" IS NOT NULL ${since}
     GROUP BY m."inviter_id"
     ORDER BY "joins" DESC, m."inviter_id"
     LIMIT ${LEADERBOARD_SIZE}`;
  const users = rows.length
    ? await prisma.user.findMany({
        where: { id: { in: rows.map((r) => r.inviter_id) } },
        select: { id: true, username: true, discriminator: true },
      })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((row) => {
    const user = byId.get(row.inviter_id);
    return {
      inviterId: row.inviter_id.toString(),
      inviter: user
        ? { id: user.id.toString(), username: user.username, discriminator: user.discriminator }
        : null,
      joins: row.joins,
    };
  });
}
