// The preview cache's state (see preview-cache.ts), apart from its loader. Kept on
// globalThis because route handlers and pages are separate bundles of one process and must see one cache.
import { processState } from "@/lib/process-state";
import type { InviteDto } from "@/server/dto/invite";

export type CachedPreview = {
  /** The public invite with counts and `expires_at`, as GET /invites/{code}?with_counts=true&with_expiration=true answers anonymously. */
  invite: InviteDto;
  guildId: string;
  /** A vanity code answers to any spelling of its code; a random code only to its exact code. */
  isVanity: boolean;
  storedAt: number;
  expiresAtMs: number | null;
  /**
   * When the guild's timed pause ends, if one ran when the entry was made: the entry (and the pages kept on
   * it, which say "paused") is dropped then, so nothing is served as paused after the pause has ended.
   */
  pausedUntilMs: number | null;
  /** Read in the second half of its life: the loader reloads it before it expires (refresh-ahead). */
  isWanted: boolean;
  /** The API's JSON text per query variant, made on first use (the same bytes for every caller). */
  serialized?: Map<string, string>;
  /**
   * The landing page's HTML as an anonymous visitor got it from Next, per variant (URL form and language;
   * server/landing/kept-landing-pages.ts). It goes with the entry: every drop of the entry drops it.
   */
  pages?: Map<string, KeptLandingPage>;
  /** Variants whose page is being captured from a Next render right now (one capture at a time each). */
  capturing?: Set<string>;
};

/** A landing page kept for every viewer of an invite (see server/landing/kept-landing-pages.ts). */
export type KeptLandingPage = {
  /** The anonymous page, whole, and (once kept) gzipped once for every signed-out visitor that accepts gzip. */
  body: Buffer;
  gzip?: Buffer;
  /** Byte offset and length of the wrapper's viewer value ("anonymous") in `body`. */
  viewerAt: number;
  viewerLength: number;
  /** Byte offset where the signed-in name goes (an empty element in the anonymous page), or -1 when the page has none. */
  nameAt: number;
  /** The response headers Next sent with it (content type, cache control, vary). */
  headers: Record<string, string>;
  /** When it was rendered (ms): an expiring invite's page says "Expires in …" as of then. */
  keptAt: number;
};

type State = {
  entries: Map<string, CachedPreview>;
  drops: number;
  subscribed: boolean;
  hits: number;
  misses: number;
  /** Codes whose entry holds pages, oldest first (bounds the memory pages take: MAX_LANDING_PAGES). */
  pageOwners: Set<string>;
  /** Landing views answered from a kept page, and pages captured (GET /api/health). */
  pageHits: number;
  pagesKept: number;
};

export const previewCacheState = processState<State>("__fluxerPreviewCache", () => ({
  entries: new Map(),
  drops: 0,
  subscribed: false,
  hits: 0,
  misses: 0,
  pageOwners: new Set(),
  pageHits: 0,
  pagesKept: 0,
}));

export function ttlMs(): number {
  const value = Number(process.env.INVITE_CACHE_TTL_MS ?? 5000);
  return Number.isFinite(value) && value >= 0 ? value : 5000;
}

export function isEnabled(): boolean {
  return process.env.INVITE_CACHE !== "off" && ttlMs() > 0;
}

/**
 * The cached preview stored under exactly this code (its canonical spelling) while it may be served
 * (younger than the TTL, invite not expired). No I/O. Entries are keyed by the invite's own code only, so
 * other spellings of a vanity code never make entries of their own (see cachedPreviewFor).
 */
export function cachedPreview(code: string, now = Date.now()): CachedPreview | null {
  const entry = previewCacheState.entries.get(code);
  if (!entry) return null;
  const isOver = (at: number | null) => at !== null && now >= at;
  if (now - entry.storedAt >= ttlMs() || isOver(entry.expiresAtMs) || isOver(entry.pausedUntilMs)) {
    previewCacheState.entries.delete(code);
    return null;
  }
  if (now - entry.storedAt >= ttlMs() / 2) entry.isWanted = true;
  return entry;
}

/**
 * The cached preview a lookup of `code` as typed would find, like the database lookup: the exact code,
 * else the lowercased code when that entry is a vanity code. No I/O.
 */
export function cachedPreviewFor(code: string, now = Date.now()): CachedPreview | null {
  const exact = cachedPreview(code, now);
  if (exact) return exact;
  const lower = code.toLowerCase();
  if (lower === code) return null;
  const entry = cachedPreview(lower, now);
  return entry?.isVanity ? entry : null;
}
