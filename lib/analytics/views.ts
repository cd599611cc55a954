// What the analytics settings pages are rendered from: loaded by server/analytics/load-analytics-settings.ts,
// drawn by components/analytics/.
import type { Bucket, BucketCounts, Granularity } from "./buckets";
import type { AnalyticsRange } from "./ranges";

export type InviteAnalyticsView = {
  code: string;
  range: AnalyticsRange;
  granularity: Granularity;
  totals: BucketCounts;
  conversion: number | null;
  buckets: Bucket[];
  referrers: { host: string; views: number }[];
};

export type GuildAnalyticsRow = {
  code: string;
  inviter: string | null;
  views: number;
  joins: number;
  conversion: number | null;
};

export type GuildAnalyticsView = { range: AnalyticsRange; invites: GuildAnalyticsRow[] };
