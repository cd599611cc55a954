// A short-lived, in-process cache of public invite previews: a link that goes viral
// is looked up by everyone who opens it, and the answer is the same for all of them. What is cached is the
// anonymous view of a live guild invite with counts and expiry (no metadata), never anything an accept reads.
//
// What keeps it safe:
// - A targeted invite (IS_TARGETED) is never loaded here at all: to every anonymous reader (the API, the landing
//   pages, their kept pages and unfurl images, all built on this cache) it is unknown, and it never enters a
//   shared entry. Its targets are signed in and read the database.
// - Only unlimited guild invites are cached. A max_uses invite lapses on an accept; a group DM's preview
//   lists its recipients. Those always go to the database.
// - An entry never outlives its invite: `expires_at` is checked on every read, so a lapsed invite is never
//   served as live, and no entry lives longer than INVITE_CACHE_TTL_MS (default 5 s; counts are approximate).
// - Nor a timed pause: an entry made while the guild's invites are paused until some time is dropped at that
//   time (checked on every read like `expires_at`), so neither the preview nor a landing page kept on it
//   says "paused" once the pause has ended by itself. Starting, changing or ending a pause drops the guild's
//   entries everywhere (INVITE_PREVIEWS_STALE), so none says "joinable" while a pause runs.
// - Changes drop entries at once on the instance that made them (publishEvent calls onBusMessage before it
//   sends), and on every other instance when the bus delivers: INVITE_UPDATE and INVITE_DELETE drop the
//   code, member changes and INVITE_PREVIEWS_STALE (guild edits, pauses, vanity changes) the guild's entries.
// - Entries are stored only while the bus is connected, and all are dropped when its connection is lost: an
//   instance whose LISTEN connection dropped may have missed a deletion, so it starts again from empty.
// - A load that raced with a drop is not stored (the drop counter moved while it read).
// - Entries are keyed by the invite's own code, whatever spelling was asked for: the many spellings of a
//   vanity code (it resolves in any case) read its one entry and never add entries that would push popular
//   ones out. Misses are never stored, so unknown codes cost no memory either.
import { InviteType } from "@/lib/constants";
import { db } from "@/server/db";
import { eventBus } from "@/server/events/bus";
import { findLiveInvite } from "./find-live-invite";
import { inviteResponse } from "./invite-response";
import { isTargeted } from "./invite-target-access";
import {
  cachedPreview,
  cachedPreviewFor,
  isEnabled,
  previewCacheState as state,
  ttlMs,
  type CachedPreview,
} from "./preview-cache-store";
import type { InviteDto } from "@/server/dto/invite";
import type { BusMessage } from "@/server/events/types";

export { cachedPreview };

const MAX_ENTRIES = 10_000;

function subscribeOnce() {
  if (state.subscribed) return;
  state.subscribed = true;
  const bus = eventBus();
  bus.subscribe(onBusMessage);
  bus.onConnectionLost(clearPreviewCache);
  const timer = setInterval(() => void refreshWanted(), Math.max(250, ttlMs() / 4));
  timer.unref?.();
}

// Refresh-ahead: an entry still being read late in its life is reloaded in the background, so a hot link is
// always answered from the cache instead of falling back to the database every TTL. Entries nobody reads
// simply expire. One reload at a time, oldest first.
let refreshing = false;
async function refreshWanted() {
  if (refreshing) return;
  refreshing = true;
  try {
    for (const [code, entry] of [...state.entries]) {
      if (!entry.isWanted || state.entries.get(code) !== entry) continue;
      entry.isWanted = false;
      await loadFromDatabase(code).catch(() => {}); // a failed reload leaves the entry to expire
    }
  } finally {
    refreshing = false;
  }
}

/** Drops what a bus message makes stale. Called for every message, local ones before they are sent. */
export function onBusMessage(message: Pick<BusMessage, "type" | "guildId" | "data">): void {
  switch (message.type) {
    case "INVITE_UPDATE":
    case "INVITE_DELETE": {
      const code = typeof message.data.code === "string" ? message.data.code : null;
      if (code !== null) forget((entry) => entry.invite.code === code);
      return;
    }
    case "GUILD_MEMBER_ADD":
    case "GUILD_MEMBER_REMOVE":
    case "INVITE_PREVIEWS_STALE":
      if (message.guildId !== null) forget((entry) => entry.guildId === message.guildId);
      return;
    default:
      return;
  }
}

function forget(matches: (entry: { invite: InviteDto; guildId: string }) => boolean) {
  state.drops += 1;
  for (const [key, entry] of state.entries) if (matches(entry)) state.entries.delete(key);
}

/** Empties the cache (tests, and a bus reconnect makes every entry untrusted anyway). */
export function clearPreviewCache() {
  state.drops += 1;
  state.entries.clear();
}

/**
 * The public preview of a live invite (counts and expiry included, no metadata), from the cache when it
 * may be, else from the database (then cached when allowed). null when there is no live invite.
 */
export async function loadPublicPreview(code: string): Promise<InviteDto | null> {
  return (await loadPublicEntry(code))?.invite ?? null;
}

export type PublicPreview = {
  invite: InviteDto;
  /** The cache entry when the answer came from (or went into) the cache. */
  entry: CachedPreview | null;
  /** When the guild's timed pause ends (ISO), while one runs; null otherwise. */
  pausedUntil: string | null;
};

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Like loadPublicPreview, with the cache entry and the end of a running timed pause. */
export async function loadPublicEntry(code: string): Promise<PublicPreview | null> {
  if (isEnabled()) {
    subscribeOnce();
    const hit = cachedPreviewFor(code);
    if (hit) {
      state.hits += 1;
      return { invite: hit.invite, entry: hit, pausedUntil: isoOrNull(hit.pausedUntilMs) };
    }
    state.misses += 1;
  }
  const loaded = await loadFromDatabase(code);
  return loaded
    ? {
        invite: loaded.invite,
        entry: cachedPreview(loaded.invite.code),
        pausedUntil: isoOrNull(loaded.pausedUntilMs),
      }
    : null;
}

/** Reads the invite a lookup of `code` finds and, when it may be cached, stores it under the invite's own code. */
async function loadFromDatabase(
  code: string,
): Promise<{ invite: InviteDto; pausedUntilMs: number | null } | null> {
  const dropsBefore = state.drops;
  const generation = eventBus().liveGeneration();
  const prisma = await db();
  const found = await findLiveInvite(prisma, code);
  // Refused at load time, so whatever is built on this cache inherits the rule (see above).
  const row = found && !isTargeted(found) ? found : null;
  if (!row) {
    state.entries.delete(code); // an entry stored under this very code is stale (refresh-ahead of a revoked invite)
    return null;
  }
  const invite = await inviteResponse(row, { withCounts: true, withExpiration: true, withMetadata: false });
  // The end of the timed pause this preview shows (its guild's features gained INVITES_DISABLED from it), read
  // from the same answer, so the entry can't outlive what it says. Not when the feature itself is set: then
  // nothing changes when the time passes.
  const isPausedForGood = row.guild?.features.includes("INVITES_DISABLED") ?? false;
  const showsPause = invite.guild?.features.includes("INVITES_DISABLED") ?? false;
  const pausedUntilMs =
    showsPause && !isPausedForGood ? (row.guild?.invitesDisabledUntil?.getTime() ?? null) : null;
  const cacheable =
    isEnabled() &&
    row.type !== InviteType.GROUP_DM &&
    row.guildId !== null &&
    row.maxUses === 0 &&
    generation !== null;
  // Not stored if anything was dropped while this read (it may predate the change) or the bus reconnected.
  if (cacheable && state.drops === dropsBefore && eventBus().liveGeneration() === generation) {
    const previous = state.entries.get(row.code);
    state.entries.delete(row.code); // re-inserted last: eviction takes the oldest
    if (
      previous &&
      previous.pausedUntilMs === pausedUntilMs &&
      JSON.stringify(previous.invite) === JSON.stringify(invite)
    ) {
      // Nothing changed (counts included) and nothing was dropped since it was stored: the same entry lives on,
      // with what was made from it (the API's JSON text, the landing pages kept on it).
      previous.storedAt = Date.now();
      previous.isWanted = false;
      state.entries.set(row.code, previous);
      return { invite, pausedUntilMs };
    }
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
    state.entries.set(row.code, {
      invite,
      guildId: row.guildId!.toString(),
      isVanity: row.isVanity,
      storedAt: Date.now(),
      expiresAtMs: row.expiresAt?.getTime() ?? null,
      pausedUntilMs,
      isWanted: false,
    });
  }
  return { invite, pausedUntilMs };
}

/** Hit and miss counts since start, and the kept landing pages (GET /api/health shows them). */
export function previewCacheStats() {
  let pages = 0;
  for (const entry of state.entries.values()) pages += entry.pages?.size ?? 0;
  return {
    enabled: isEnabled(),
    entries: state.entries.size,
    hits: state.hits,
    misses: state.misses,
    ttl_ms: ttlMs(),
    // Landing pages kept on entries now, captured since start, and views answered from them since start.
    landing_pages: { kept: pages, captured: state.pagesKept, served: state.pageHits },
    // Anonymous API lookups answered from the cache by the HTTP server, before Next, since start.
    lookups_before_next: state.lookupsBeforeNext,
  };
}
