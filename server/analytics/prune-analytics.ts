// Invite analytics are kept ANALYTICS_RETENTION_DAYS (90): older hourly rows are deleted by the purge of
// lapsed invites (purge-lapsed-invites.ts), which already runs in the background at most every 10 minutes.
import { DAY_MS } from "@/lib/analytics/buckets";
import { db } from "@/server/db";
import { analyticsConfig } from "./config";

/** Deletes buckets and referrer rows whose hour began before the retention period; returns how many rows went. */
export async function pruneAnalytics(
  now: Date = new Date(),
  retentionDays = analyticsConfig().retentionDays,
): Promise<number> {
  const prisma = await db();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const [buckets, referrers] = await Promise.all([
    prisma.inviteAnalyticsBucket.deleteMany({ where: { bucketStart: { lt: cutoff } } }),
    prisma.inviteAnalyticsReferrer.deleteMany({ where: { bucketStart: { lt: cutoff } } }),
  ]);
  return buckets.count + referrers.count;
}
