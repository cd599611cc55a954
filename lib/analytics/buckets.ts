// Time buckets of invite analytics: counts are kept per invite and UTC hour; a day is 24 of them. Pure, so
// the API, the settings pages and the tests share one definition of a bucket.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type Granularity = "hour" | "day";

export type BucketCounts = { views: number; unique_visitors: number; joins: number; unfurls: number };
export type Bucket = BucketCounts & { start: string };

export function bucketMs(granularity: Granularity): number {
  return granularity === "day" ? DAY_MS : HOUR_MS;
}

/** The start of the UTC hour (or day) holding `ms`. */
export function bucketStart(ms: number, granularity: Granularity = "hour"): number {
  const size = bucketMs(granularity);
  return Math.floor(ms / size) * size;
}

export function emptyCounts(): BucketCounts {
  return { views: 0, unique_visitors: 0, joins: 0, unfurls: 0 };
}

/**
 * Every bucket from the one holding `fromMs` up to the one holding `toMs - 1`, zeros where nothing was
 * counted, with the hourly rows (`start` in ms) added into the bucket that holds them. Rows outside the
 * range are ignored.
 */
export function fillBuckets(
  rows: Array<{ start: number } & BucketCounts>,
  fromMs: number,
  toMs: number,
  granularity: Granularity,
): Bucket[] {
  const size = bucketMs(granularity);
  const first = bucketStart(fromMs, granularity);
  const count = Math.max(0, Math.ceil((toMs - first) / size));
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(first + i * size).toISOString(),
    ...emptyCounts(),
  }));
  for (const row of rows) {
    const index = Math.floor((row.start - first) / size);
    const bucket = buckets[index];
    if (!bucket || row.start < fromMs || row.start >= toMs) continue;
    bucket.views += row.views;
    bucket.unique_visitors += row.unique_visitors;
    bucket.joins += row.joins;
    bucket.unfurls += row.unfurls;
  }
  return buckets;
}

/** Totals of a series of buckets. */
export function sumBuckets(buckets: BucketCounts[]): BucketCounts {
  const total = emptyCounts();
  for (const bucket of buckets) {
    total.views += bucket.views;
    total.unique_visitors += bucket.unique_visitors;
    total.joins += bucket.joins;
    total.unfurls += bucket.unfurls;
  }
  return total;
}

/** Joins per view, or null when there were no views to convert (joins may come through the API alone). */
export function conversion(views: number, joins: number): number | null {
  if (views <= 0) return null;
  return Math.round((joins / views) * 10_000) / 10_000;
}
