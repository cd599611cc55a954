// Invite analytics settings, read once per process. ANALYTICS=off turns counting off entirely (the benchmark
// compares both); the rest bound how often counts reach the database, how long they stay, and how much
// memory the day's unique-visitor sets may take.
import { intFromEnv } from "@/server/config/resource-limits";

export type AnalyticsConfig = {
  enabled: boolean;
  /** How often this instance adds its counts to the database (a crash loses at most this much). */
  flushMs: number;
  /** Hourly buckets older than this many days are deleted by the purge. */
  retentionDays: number;
  /** Salted visitor hashes remembered per instance for today's unique counts (about 100 bytes each). */
  maxVisitors: number;
};

let cached: AnalyticsConfig | undefined;

export function analyticsConfig(): AnalyticsConfig {
  cached ??= {
    enabled: !/^(off|0|false|no)$/i.test(process.env.ANALYTICS?.trim() ?? ""),
    flushMs: intFromEnv("ANALYTICS_FLUSH_MS", 10_000, 50, 10_000),
    retentionDays: intFromEnv("ANALYTICS_RETENTION_DAYS", 90, 1, 3650),
    maxVisitors: intFromEnv("ANALYTICS_MAX_VISITORS", 100_000, 0, 10_000_000),
  };
  return cached;
}

/** Tests only: read the variables again. */
export function resetAnalyticsConfig() {
  cached = undefined;
}
