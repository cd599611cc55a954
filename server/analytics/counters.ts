// Invite analytics, counted in memory on the request's path and added to the database in batches
// (flush-analytics.ts). A count is a few map operations and, for a visitor, one SHA-256: nothing on the hot
// path waits for the database.
//
// Unique visitors: a visitor is a salted SHA-256 of (invite, address, user agent). The salt is 32 random
// bytes made in this process's memory for the current UTC day and replaced when the day changes, together with
// the set of today's hashes; neither is ever written anywhere, and only the count of first sightings reaches
// the database (in the hour of the first sighting, so a day's buckets add up to that day's unique visitors).
// The set is per instance: a visitor whose views land on two instances the same day counts once on each, so
// with N instances uniques may overcount by up to N× for such visitors (a load balancer that keeps a client on
// one instance avoids it). Exact uniques across instances would need the hashes in a shared store, which is
// what must not exist. Past ANALYTICS_MAX_VISITORS remembered hashes a new visitor still counts but is not
// remembered (a repeat view of theirs may count again), so memory stays bounded on a viral day.
import { hash, randomBytes } from "node:crypto";
import { DAY_MS, bucketStart } from "@/lib/analytics/buckets";
import { referrerHost, viewKindOf, type ViewKind } from "@/lib/analytics/classify";
import { processState } from "@/lib/process-state";
import { appHost } from "@/server/config/app-url";
import { analyticsConfig } from "./config";

/** What a view's request says about who sent it; the address is the HTTP server's decision (client-ip.ts). */
export type ViewSource = { address: string; userAgent: string | null; referer: string | null };

export type PendingCounts = {
  code: string;
  start: number;
  views: number;
  uniques: number;
  joins: number;
  unfurls: number;
};
export type PendingReferrer = { code: string; start: number; host: string; views: number };

/** Distinct referring hosts kept per invite and hour between two flushes; the rest are counted as "(other)". */
const MAX_HOSTS_PER_BUCKET = 20;
export const OTHER_HOSTS = "(other)";

type State = {
  buckets: Map<string, PendingCounts>;
  referrers: Map<string, PendingReferrer>;
  hostsPerBucket: Map<string, number>;
  day: number;
  salt: string;
  seen: Set<string>;
  /** What recent user agents count as: a few hundred agents make most views, and the patterns are long. */
  kinds: Map<string, ViewKind>;
  /** This app's own host (APP_URL), whose pages are not referrers. */
  ownHost?: string;
};

const state = processState<State>("__fluxerInviteAnalytics", () => ({
  buckets: new Map(),
  referrers: new Map(),
  hostsPerBucket: new Map(),
  day: -1,
  salt: randomBytes(32).toString("base64"),
  seen: new Set(),
  kinds: new Map(),
}));

const MAX_KNOWN_AGENTS = 500;

function kindOf(userAgent: string | null): ViewKind {
  const agent = userAgent ?? "";
  let kind = state.kinds.get(agent);
  if (kind === undefined) {
    if (state.kinds.size >= MAX_KNOWN_AGENTS) state.kinds.clear();
    state.kinds.set(agent, (kind = viewKindOf(agent)));
  }
  return kind;
}

function counts(code: string, now: number): PendingCounts {
  const start = bucketStart(now);
  const key = `${code} ${start}`;
  let entry = state.buckets.get(key);
  if (!entry) state.buckets.set(key, (entry = { code, start, views: 0, uniques: 0, joins: 0, unfurls: 0 }));
  return entry;
}

/** Whether this visitor is seen by this instance for the first time today on this invite. */
function isFirstSightingToday(code: string, source: ViewSource, now: number): boolean {
  const day = Math.floor(now / DAY_MS);
  if (day !== state.day) {
    // A new UTC day: a new salt, and yesterday's hashes (which only that salt could reproduce) are dropped.
    state.day = day;
    state.salt = randomBytes(32).toString("base64");
    state.seen = new Set();
  }
  // 132 bits of SHA-256 (22 base64url characters): collisions are out of reach at any day's number of visitors.
  const visitor = hash(
    "sha256",
    `${state.salt}${code}\0${source.address}\0${source.userAgent ?? ""}`,
    "base64url",
  ).slice(0, 22);
  if (state.seen.has(visitor)) return false;
  if (state.seen.size < analyticsConfig().maxVisitors) state.seen.add(visitor);
  return true;
}

function countReferrer(code: string, start: number, host: string) {
  const bucketKey = `${code} ${start}`;
  let key = `${bucketKey} ${host}`;
  let entry = state.referrers.get(key);
  if (!entry) {
    const hosts = state.hostsPerBucket.get(bucketKey) ?? 0;
    if (hosts >= MAX_HOSTS_PER_BUCKET) {
      host = OTHER_HOSTS;
      key = `${bucketKey} ${host}`;
      entry = state.referrers.get(key);
    } else {
      state.hostsPerBucket.set(bucketKey, hosts + 1);
    }
  }
  if (!entry) state.referrers.set(key, (entry = { code, start, host, views: 0 }));
  entry.views += 1;
}

/**
 * Counts one view of the invite `code` (its own code, as stored): a visitor's view (with today's unique
 * sighting and the referring host), or an unfurl of a link-preview fetcher; other robots are not counted.
 */
export function countView(code: string, source: ViewSource, now = Date.now()): void {
  if (!analyticsConfig().enabled) return;
  const kind = kindOf(source.userAgent);
  if (kind === "robot") return;
  const entry = counts(code, now);
  if (kind === "unfurl") {
    entry.unfurls += 1;
    return;
  }
  entry.views += 1;
  if (isFirstSightingToday(code, source, now)) entry.uniques += 1;
  if (!source.referer) return;
  const host = referrerHost(source.referer, (state.ownHost ??= appHost()));
  if (host) countReferrer(code, entry.start, host);
}

/** Counts one successful accept (a new member or recipient) of the invite `code`. */
export function countJoin(code: string, now = Date.now()): void {
  if (!analyticsConfig().enabled) return;
  counts(code, now).joins += 1;
}

/** Takes everything counted since the last take, for the flusher to write. */
export function takePending(): { buckets: PendingCounts[]; referrers: PendingReferrer[] } {
  const taken = { buckets: [...state.buckets.values()], referrers: [...state.referrers.values()] };
  state.buckets = new Map();
  state.referrers = new Map();
  state.hostsPerBucket = new Map();
  return taken;
}

/** Puts counts whose write failed back, added to what was counted meanwhile, for the next flush. */
export function restorePending(taken: { buckets?: PendingCounts[]; referrers?: PendingReferrer[] }) {
  for (const row of taken.buckets ?? []) {
    const key = `${row.code} ${row.start}`;
    const entry = state.buckets.get(key);
    if (!entry) state.buckets.set(key, { ...row });
    else {
      entry.views += row.views;
      entry.uniques += row.uniques;
      entry.joins += row.joins;
      entry.unfurls += row.unfurls;
    }
  }
  for (const row of taken.referrers ?? []) {
    const key = `${row.code} ${row.start} ${row.host}`;
    const entry = state.referrers.get(key);
    if (!entry) state.referrers.set(key, { ...row });
    else entry.views += row.views;
  }
}

/** What this instance holds now (for GET /api/health). */
export function analyticsMemoryStats() {
  return {
    pending_buckets: state.buckets.size,
    pending_referrers: state.referrers.size,
    visitors_today: state.seen.size,
  };
}
