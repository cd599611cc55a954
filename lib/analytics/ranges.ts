// The ranges the analytics settings pages offer, and how their numbers are written. Pure view logic.
import { DAY_MS, type Granularity } from "./buckets";

export const ANALYTICS_RANGES = {
  "24h": { label: "24 hours", days: 1, granularity: "hour" },
  "7d": { label: "7 days", days: 7, granularity: "day" },
  "30d": { label: "30 days", days: 30, granularity: "day" },
} as const satisfies Record<string, { label: string; days: number; granularity: Granularity }>;

export type AnalyticsRange = keyof typeof ANALYTICS_RANGES;

export function parseRange(
  value: string | null | undefined,
  fallback: AnalyticsRange = "7d",
): AnalyticsRange {
  return value && value in ANALYTICS_RANGES ? (value as AnalyticsRange) : fallback;
}

/** `[from, to)` of a range ending now; a daily range starts at the UTC midnight that makes it whole days. */
export function rangeWindow(
  range: AnalyticsRange,
  now: number,
): { from: Date; to: Date; granularity: Granularity } {
  const { days, granularity } = ANALYTICS_RANGES[range];
  const from =
    granularity === "day" ? Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS : now - days * DAY_MS;
  return { from: new Date(from), to: new Date(now), granularity };
}

/** "25%", "2.5%", or an em dash when there were no views. */
export function formatConversion(conversion: number | null): string {
  if (conversion === null) return "—";
  const percent = conversion * 100;
  return `${percent >= 10 || Number.isInteger(percent) ? Math.round(percent) : percent.toFixed(1)}%`;
}

/** A bucket's label: "14:00" for an hour, "Dec 1" for a day (UTC, as the buckets are). */
export function bucketLabel(start: string, granularity: Granularity): string {
  const date = new Date(start);
  if (granularity === "hour") return `${String(date.getUTCHours()).padStart(2, "0")}:00`;
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** A longer label for tables and titles: "Dec 1, 14:00 UTC" or "Dec 1, 2026". */
export function bucketTitle(start: string, granularity: Granularity): string {
  const date = new Date(start);
  if (granularity === "hour")
    return `${date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}, ${bucketLabel(start, "hour")} UTC`;
  return date.toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
}
