// GET /invites/{code}/analytics: an invite's counts per bucket, totals and top referrers. Readable by the
// invite's inviter and by members with MANAGE_GUILD on its guild. A lapsed invite (expired or used up, not yet
// purged) keeps its analytics for them; to anyone else it is unknown, as every lapsed invite is.
import { fillBuckets, sumBuckets } from "@/lib/analytics/buckets";
import { ApiError } from "@/lib/errors";
import { lookupCandidates } from "@/lib/invite-code";
import { hasPermission, Permissions } from "@/lib/permissions";
import { db, type Tx } from "@/server/db";
import { loadGuildAccess } from "@/server/guilds/access";
import type { InviteAnalyticsQuery } from "@/lib/schemas/analytics";
import type { Caller } from "@/server/auth/caller";

const TOP_REFERRERS = 10;

type AnalyticsInvite = {
  code: string;
  guildId: bigint | null;
  inviterId: bigint | null;
  expiresAt: Date | null;
  uses: number;
  maxUses: number;
};

/** The invite row by code (exact, then a vanity code in any case), live or lapsed. */
export async function findInvite(prisma: Tx, code: string): Promise<AnalyticsInvite | null> {
  const select = {
    code: true,
    guildId: true,
    inviterId: true,
    expiresAt: true,
    uses: true,
    maxUses: true,
  } as const;
  const [exact, lowered] = lookupCandidates(code);
  if (exact === undefined) return null;
  const invite = await prisma.invite.findUnique({ where: { code: exact }, select });
  if (invite || lowered === undefined) return invite;
  return prisma.invite.findFirst({ where: { code: lowered, isVanity: true }, select });
}

function isLive(invite: AnalyticsInvite, now = Date.now()): boolean {
  return (
    (invite.expiresAt === null || invite.expiresAt.getTime() > now) &&
    (invite.maxUses === 0 || invite.uses < invite.maxUses)
  );
}

/** Throws unless the caller may read the invite's analytics: its inviter, or MANAGE_GUILD on its guild. */
export async function requireAnalyticsReader(
  invite: AnalyticsInvite,
  caller: Caller,
  prisma: Tx,
): Promise<void> {
  if (invite.inviterId !== null && invite.inviterId === caller.id) return;
  let refusal: "MISSING_ACCESS" | "MISSING_PERMISSIONS" = "MISSING_PERMISSIONS";
  if (invite.guildId !== null) {
    const access = await loadGuildAccess(invite.guildId, caller.id, prisma);
    if (access.member && hasPermission(access.permissions, Permissions.MANAGE_GUILD)) return;
    if (!access.member) refusal = "MISSING_ACCESS";
  }
  throw new ApiError(isLive(invite) ? refusal : "UNKNOWN_INVITE");
}

export async function getInviteAnalytics(code: string, caller: Caller, query: InviteAnalyticsQuery) {
  const prisma = await db();
  const invite = await findInvite(prisma, code);
  if (!invite) throw new ApiError("UNKNOWN_INVITE");
  await requireAnalyticsReader(invite, caller, prisma);
  const where = { inviteCode: invite.code, bucketStart: { gte: query.from, lt: query.to } };
  const [rows, referrers] = await Promise.all([
    prisma.inviteAnalyticsBucket.findMany({ where, orderBy: { bucketStart: "asc" } }),
    prisma.inviteAnalyticsReferrer.groupBy({
      by: ["host"],
      where,
      _sum: { views: true },
      orderBy: [{ _sum: { views: "desc" } }, { host: "asc" }],
      take: TOP_REFERRERS,
    }),
  ]);
  const buckets = fillBuckets(
    rows.map((row) => ({
      start: row.bucketStart.getTime(),
      views: row.views,
      unique_visitors: row.uniqueVisitors,
      joins: row.joins,
      unfurls: row.unfurls,
    })),
    query.from.getTime(),
    query.to.getTime(),
    query.granularity,
  );
  return {
    code: invite.code,
    totals: sumBuckets(buckets),
    buckets,
    referrers: referrers.map((row) => ({ host: row.host, views: row._sum.views ?? 0 })),
  };
}
