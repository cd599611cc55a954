// Adds this instance's counts to the database every ANALYTICS_FLUSH_MS (10 s): one additive upsert per
// table (views = views + excluded.views), so any number of instances add up exactly and a crash loses at most
// one interval. Rows go in (code, hour) order, the same on every instance, so two flushes never deadlock.
// Counts of an invite deleted meanwhile are dropped (the row filter); a write that fails is put back and
// tried again with the next flush.
import { processState } from "@/lib/process-state";
import { db } from "@/server/db";
import { log } from "@/server/log";
import { analyticsConfig } from "./config";
import { restorePending, takePending, type PendingCounts, type PendingReferrer } from "./counters";

const state = processState<{
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  flushes: number;
  failures: number;
}>("__fluxerAnalyticsFlush", () => ({
  flushes: 0,
  failures: 0,
}));

const byCodeAndStart = (a: { code: string; start: number }, b: { code: string; start: number }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : a.start - b.start;

async function writeBuckets(rows: PendingCounts[]) {
  if (rows.length === 0) return;
  rows.sort(byCodeAndStart);
  const prisma = await db();
  await prisma.$executeRaw`
    INSERT INTO "invite_analytics_buckets" ("invite_code", "bucket_start", "views", "unique_visitors", "joins", "unfurls")
    SELECT c.code, c.start, c.views, c.uniques, c.joins, c.unfurls
    FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => new Date(r.start).toISOString())}::text[]::timestamptz[],
                ${rows.map((r) => r.views)}::int[], ${rows.map((r) => r.uniques)}::int[], ${rows.map((r) => r.joins)}::int[],
                ${rows.map((r) => r.unfurls)}::int[]) WITH ORDINALITY AS c(code, start, views, uniques, joins, unfurls, n)
    WHERE EXISTS (SELECT 1 FROM "invites" i WHERE i."code" = c.code)
    ORDER BY c.n
    ON CONFLICT ("invite_code", "bucket_start") DO UPDATE SET
      "views" = "invite_analytics_buckets"."views" + excluded."views",
      "unique_visitors" = "invite_analytics_buckets"."unique_visitors" + excluded."unique_visitors",
      "joins" = "invite_analytics_buckets"."joins" + excluded."joins",
      "unfurls" = "invite_analytics_buckets"."unfurls" + excluded."unfurls"`;
}

async function writeReferrers(rows: PendingReferrer[]) {
  if (rows.length === 0) return;
  rows.sort((a, b) => byCodeAndStart(a, b) || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  const prisma = await db();
  await prisma.$executeRaw`
    INSERT INTO "invite_analytics_referrers" ("invite_code", "bucket_start", "host", "views")
    SELECT c.code, c.start, c.host, c.views
    FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => new Date(r.start).toISOString())}::text[]::timestamptz[],
                ${rows.map((r) => r.host)}::text[], ${rows.map((r) => r.views)}::int[]) WITH ORDINALITY AS c(code, start, host, views, n)
    WHERE EXISTS (SELECT 1 FROM "invites" i WHERE i."code" = c.code)
    ORDER BY c.n
    ON CONFLICT ("invite_code", "bucket_start", "host") DO UPDATE SET
      "views" = "invite_analytics_referrers"."views" + excluded."views"`;
}

async function flushOnce() {
  const taken = takePending();
  const failures: unknown[] = [];
  await writeBuckets(taken.buckets).catch((error) => {
    restorePending({ buckets: taken.buckets });
    failures.push(error);
  });
  await writeReferrers(taken.referrers).catch((error) => {
    restorePending({ referrers: taken.referrers });
    failures.push(error);
  });
  state.flushes += 1;
  if (failures.length > 0) {
    state.failures += 1;
    log.error("invite analytics flush failed; kept for the next one", {
      error: String((failures[0] as Error)?.message ?? failures[0]),
    });
  }
}

/** Writes what is pending now (waits for a flush already running, then runs one more). Never throws. */
export async function flushAnalytics(): Promise<void> {
  while (state.flushing) await state.flushing;
  state.flushing = flushOnce().finally(() => (state.flushing = undefined));
  await state.flushing;
}

/** Starts the flush timer once per process (at boot), and offers the last flush to the HTTP server's shutdown. */
export function startAnalyticsFlush() {
  const config = analyticsConfig();
  if (!config.enabled || state.timer) return;
  state.timer = setInterval(() => {
    if (!state.flushing) void flushAnalytics();
  }, config.flushMs);
  state.timer.unref?.();
  (globalThis as { __fluxerBeforeExit?: Array<() => Promise<void>> }).__fluxerBeforeExit ??= [];
  (globalThis as { __fluxerBeforeExit?: Array<() => Promise<void>> }).__fluxerBeforeExit!.push(
    flushAnalytics,
  );
}

export function analyticsFlushStats() {
  return { flushes: state.flushes, failed_flushes: state.failures };
}
