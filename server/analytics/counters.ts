// Invite analytics, counted in memory on the request's path and added to the database in batches
// (flush-analytics.ts). On the request's path a view is a few map reads keyed by strings the request already
// holds: the view (or unfurl) is added to its invite's hour at once; the visitor (address, user agent) and the
// referring URL are only noted, once per distinct one, and resolved in a batch off the request at most
// SIGHTING_BATCH_MS later (a SHA-256 per visitor, a URL parse per referring URL), and always before counts are
// handed to the flusher. A hot link is mostly the same visitors reloading, so the batch also hashes each of them
// once instead of once per view. Nothing on the hot path waits for the database or hashes anything.
//
// Unique visitors: a visitor is a salted SHA-256 of (invite, address, user agent). The salt is 32 random
// bytes made in this process's memory for the current UTC day and replaced when the day changes, together with
// the set of today's hashes; neither is ever written anywhere (an address and user agent wait in memory for
// their hash at most SIGHTING_BATCH_MS), and only the count of first sightings reaches
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

/** What waits for the next batch about one invite's hour: its visitors (address → user agents), its referring URLs (→ views). */
type Waiting = { visitors: Map<string, Set<string>>; referers: Map<string, number> };

/** How long a view's visitor and referrer wait to be resolved, and how many distinct ones may wait at once. */
const SIGHTING_BATCH_MS = 200;
const MAX_WAITING = 5_000;

type State = {
  buckets: Map<string, PendingCounts>;
  /** This hour's buckets by invite code: a view finds its bucket without building a key. */
  current: Map<string, PendingCounts>;
  hour: number;
  /** Visitors and referring URLs noted since the last batch, per bucket (see resolveSightings). */
  waiting: Map<PendingCounts, Waiting>;
  waitingCount: number;
  batchTimer?: NodeJS.Timeout;
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
  current: new Map(),
  hour: -1,
  waiting: new Map(),
  waitingCount: 0,
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
  if (start === state.hour) {
    const current = state.current.get(code);
    if (current) return current;
  } else if (start > state.hour) {
    state.hour = start;
    state.current = new Map();
  }
  const key = `${code} ${start}`;
  let entry = state.buckets.get(key);
  if (!entry) state.buckets.set(key, (entry = { code, start, views: 0, uniques: 0, joins: 0, unfurls: 0 }));
  if (start === state.hour) state.current.set(code, entry);
  return entry;
}

/** Whether this visitor is seen by this instance for the first time today on this invite. */
function isFirstSightingToday(code: string, address: string, userAgent: string, now: number): boolean {
  const day = Math.floor(now / DAY_MS);
  if (day !== state.day) {
    // A new UTC day: a new salt, and yesterday's hashes (which only that salt could reproduce) are dropped.
    state.day = day;
    state.salt = randomBytes(32).toString("base64");
    state.seen = new Set();
  }
  // 132 bits of SHA-256 (22 base64url characters): collisions are out of reach at any day's number of visitors.
  const visitor = hash("sha256", `${state.salt}${code}\0${address}\0${userAgent}`, "base64url").slice(0, 22);
  if (state.seen.has(visitor)) return false;
  if (state.seen.size < analyticsConfig().maxVisitors) state.seen.add(visitor);
  return true;
}

function countReferrer(code: string, start: number, host: string, views: number) {
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
  entry.views += views;
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
  // Noted for the next batch: a repeat within a batch is no new sighting (the visitor is looked up once, in
  // this hour, as its first view here would have been), and adds its view to the referring URL's count.
  let waiting = state.waiting.get(entry);
  if (!waiting) state.waiting.set(entry, (waiting = { visitors: new Map(), referers: new Map() }));
  const userAgent = source.userAgent ?? "";
  let agents = waiting.visitors.get(source.address);
  if (!agents) waiting.visitors.set(source.address, (agents = new Set()));
  if (!agents.has(userAgent)) {
    agents.add(userAgent);
    state.waitingCount += 1;
  }
  if (source.referer) {
    const views = waiting.referers.get(source.referer);
    if (views === undefined) state.waitingCount += 1;
    waiting.referers.set(source.referer, (views ?? 0) + 1);
  }
  if (state.waitingCount >= MAX_WAITING) resolveSightings();
  else state.batchTimer ??= setTimeout(resolveSightings, SIGHTING_BATCH_MS).unref();
}

/**
 * Resolves what waits, bucket by bucket in the order their first view came: a visitor new today adds a unique
 * visitor to that bucket's hour, a referring URL its views to its host there. The batch is taken first, so a
 * view counted meanwhile waits for the next one.
 */
function resolveSightings() {
  if (state.batchTimer) clearTimeout(state.batchTimer);
  state.batchTimer = undefined;
  if (state.waiting.size === 0) return;
  const batch = state.waiting;
  state.waiting = new Map();
  state.waitingCount = 0;
  const ownHost = (state.ownHost ??= appHost());
  for (const [entry, waiting] of batch) {
    for (const [address, agents] of waiting.visitors)
      for (const userAgent of agents)
        if (isFirstSightingToday(entry.code, address, userAgent, entry.start)) entry.uniques += 1;
    for (const [referer, views] of waiting.referers) {
      const host = referrerHost(referer, ownHost);
      if (host) countReferrer(entry.code, entry.start, host, views);
    }
  }
}

/** Counts one successful accept (a new member or recipient) of the invite `code`. */
export function countJoin(code: string, now = Date.now()): void {
  if (!analyticsConfig().enabled) return;
  counts(code, now).joins += 1;
}

/** Takes everything counted since the last take, for the flusher to write. */
export function takePending(): { buckets: PendingCounts[]; referrers: PendingReferrer[] } {
  resolveSightings();
  const taken = { buckets: [...state.buckets.values()], referrers: [...state.referrers.values()] };
  state.buckets = new Map();
  state.current = new Map();
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
  resolveSightings();
  return {
    pending_buckets: state.buckets.size,
    pending_referrers: state.referrers.size,
    visitors_today: state.seen.size,
  };
}
