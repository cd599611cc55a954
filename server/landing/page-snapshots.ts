// The signed-out landing page as finished HTML, kept beside its invite preview so proxy.ts can answer a
// viral link's visitors itself. Next's page cache (app/landing) already avoids the render, but reaching it
// costs a rewrite and Next's routing on top of the proxy; this answers from the proxy, which must run anyway
// to check the preview cache (docs/benchmarks.md: about 2x the throughput of the rewrite).
//
// A snapshot belongs to one preview cache entry: a change that drops or replaces the entry (edit, revoke,
// join, the TTL) drops the snapshot with it, so it is never older than the entry it was made from. It is
// filled by fetching the app/landing page over loopback once per entry and form, with a per-process secret
// header that lets that request through the proxy's /landing block. If the loopback fetch can't be made
// (PORT unknown, not listening on 127.0.0.1) visitors simply keep getting the rewrite.
// No imports from the database side: the proxy bundle loads this.
import { randomBytes } from "node:crypto";
import type { LandingForm } from "@/lib/landing-routing";
import type { CachedPreview } from "@/server/invites/preview-cache-store";

export type Snapshot = { html: Buffer };

/** At most this many pages are kept (each ~25 KB); the oldest snapshot goes first. */
const MAX_SNAPSHOTS = 200;
export const INTERNAL_FETCH_HEADER = "x-fluxer-snapshot";

type State = {
  secret: string;
  /** The snapshots of each preview entry, by form. */
  owners: WeakMap<CachedPreview, Map<LandingForm, Snapshot>>;
  /** Entries with a fill in flight. */
  filling: WeakSet<CachedPreview>;
  /** Entries holding snapshots, oldest first (what bounds the memory). */
  live: Set<CachedPreview>;
};

const state = ((globalThis as Record<string, unknown>).__fluxerLandingSnapshots ??= {
  secret: randomBytes(24).toString("base64url"),
  owners: new WeakMap(),
  filling: new WeakSet(),
  live: new Set(),
}) as State;

/** Whether a request to /landing/... is our own loopback fill. */
export function isSnapshotFill(request: Request): boolean {
  return request.headers.get(INTERNAL_FETCH_HEADER) === state.secret;
}

export function snapshotOf(entry: CachedPreview, form: LandingForm): Snapshot | null {
  return state.owners.get(entry)?.get(form) ?? null;
}

function keep(entry: CachedPreview, form: LandingForm, html: Buffer) {
  let pages = state.owners.get(entry);
  if (!pages) state.owners.set(entry, (pages = new Map()));
  pages.set(form, { html });
  state.live.add(entry);
  // Bound the memory: forget the snapshots of the entries that got theirs first.
  while (state.live.size > MAX_SNAPSHOTS / 2) {
    const oldest = state.live.values().next().value!;
    state.live.delete(oldest);
    state.owners.delete(oldest);
  }
}

/** Starts filling the entry's snapshot for this form (once at a time); never throws. */
export function fillSnapshot(entry: CachedPreview, form: LandingForm, code: string): void {
  const port = process.env.PORT;
  if (!port || state.filling.has(entry)) return;
  state.filling.add(entry);
  const url = `http://127.0.0.1:${port}/landing/${form}/${encodeURIComponent(code)}/${entry.appearance}`;
  fetch(url, { headers: { [INTERNAL_FETCH_HEADER]: state.secret }, signal: AbortSignal.timeout(10_000) })
    .then(async (response) => {
      const type = response.headers.get("content-type") ?? "";
      if (response.status !== 200 || !type.startsWith("text/html")) return;
      keep(entry, form, Buffer.from(await response.arrayBuffer()));
    })
    .catch(() => {})
    .finally(() => state.filling.delete(entry));
}
