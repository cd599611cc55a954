// Landing pages kept for every viewer of an invite. The page's HTML is the same for everyone who looks at an
// invite except for two values: the primary action's wrapper says which viewer's variant shows, and the
// signed-in name sits in an element of its own (lib/landing-viewer.ts). So one anonymous render, captured as
// Next sent it to a signed-out visitor, serves everyone: signed-out visitors get it as it is, signed-in ones
// with the two values set for them (landing-fast-path.ts).
//
// What keeps it safe:
// - Pages are kept on the invite's preview-cache entry (server/invites/preview-cache.ts) and go with it: the
//   bus drops the entry on every instance on a revoke, pause, rename, vanity change, join or leave; an entry
//   nobody reads expires after INVITE_CACHE_TTL_MS, and one that is read lives on only while a reload finds
//   the invite unchanged, counts included. Invites the preview cache doesn't keep (group DMs, max_uses) never
//   have a kept page.
// - A capture is stored only on the entry it started from, and only while that entry is still the cache's
//   current one: a render that raced with a drop (the entry was deleted or replaced meanwhile) stores nothing.
// - Only anonymous renders are stored; the viewer's values are set per response and never stored.
// - A page is stored only when both markers are where they must be (the wrapper's value exactly once, the name
//   element at most once, after it); anything else stays with Next.
// - Pages take bounded memory: at most MAX_LANDING_PAGES invites hold pages, the oldest give theirs up.
import { gzipSync } from "node:zlib";
import {
  VIEWER_ATTRIBUTE,
  VIEWER_NAME_ATTRIBUTE,
  escapeHtmlText,
  type LandingViewerKind,
} from "@/lib/landing-viewer";
import { resourceLimits } from "@/server/config/resource-limits";
import {
  previewCacheState as state,
  type CachedPreview,
  type KeptLandingPage,
} from "@/server/invites/preview-cache-store";

export type LandingUrlForm = "invite" | "short";

/**
 * The language a page is rendered in. The pages are English only today; a translated page is kept per
 * language, chosen here from the request (Accept-Language or the visitor's setting), and the key below
 * already carries it.
 */
export function landingLanguage(_acceptLanguage: string | undefined): string {
  return "en";
}

/**
 * Which kept page a request gets: one per URL form (their og:image and canonical tags differ) and language.
 * Nothing about the viewer is ever part of it.
 */
export function landingVariantKey(form: LandingUrlForm, language: string): string {
  return `${form}:${language}`;
}

/**
 * An entry lives on while its invite is unchanged (preview-cache.ts), so a kept page can outlive one TTL. The
 * page of an invite that expires says "Expires in …" as of its render, so it is served for a minute at most;
 * the next view renders it again. A page of an invite that never expires has nothing that ages.
 */
const EXPIRING_PAGE_MS = 60_000;

export function keptPage(entry: CachedPreview, key: string, now = Date.now()): KeptLandingPage | null {
  const page = entry.pages?.get(key);
  if (!page) return null;
  if (entry.expiresAtMs !== null && now - page.keptAt >= EXPIRING_PAGE_MS) {
    entry.pages!.delete(key);
    return null;
  }
  return page;
}

const VIEWER_MARKER = Buffer.from(`${VIEWER_ATTRIBUTE}="anonymous"`);
const VIEWER_VALUE_OFFSET = Buffer.byteLength(`${VIEWER_ATTRIBUTE}="`);
const NAME_MARKER = Buffer.from(`${VIEWER_NAME_ATTRIBUTE}=""`);

/** Where the two per-viewer values go in an anonymous page, or null when the page isn't one of ours as expected. */
export function findViewerSlots(
  body: Buffer,
): { viewerAt: number; viewerLength: number; nameAt: number } | null {
  const viewer = body.indexOf(VIEWER_MARKER);
  if (viewer < 0 || body.indexOf(VIEWER_MARKER, viewer + 1) >= 0) return null;
  const viewerAt = viewer + VIEWER_VALUE_OFFSET;
  const name = body.indexOf(NAME_MARKER, viewerAt);
  if (name < 0)
    return body.indexOf(NAME_MARKER) < 0 ? { viewerAt, viewerLength: "anonymous".length, nameAt: -1 } : null;
  if (body.indexOf(NAME_MARKER, name + 1) >= 0) return null;
  // The name goes right after the element's opening tag, which is empty in an anonymous page.
  const tagEnd = body.indexOf(">", name + NAME_MARKER.length);
  if (tagEnd < 0 || body.indexOf("</", tagEnd + 1) !== tagEnd + 1) return null;
  return { viewerAt, viewerLength: "anonymous".length, nameAt: tagEnd + 1 };
}

/** A page rendered for an anonymous viewer, ready to be set for any viewer; null when its markers aren't where they must be. */
export function landingPageFrom(body: Buffer, headers: Record<string, string>): KeptLandingPage | null {
  const slots = findViewerSlots(body);
  return slots ? { body, headers, keptAt: Date.now(), ...slots } : null;
}

/**
 * Keeps a page on the entry it was rendered from, if that entry is still the cache's current one (else the
 * render may predate a drop). Only a page whose unfurl tags are in its <head> is kept: Next streams metadata
 * into the body when it resolves late, which link unfurlers don't read. Returns whether it was kept.
 */
export function keepLandingPage(entry: CachedPreview, key: string, page: KeptLandingPage): boolean {
  const limit = resourceLimits().landingPages;
  if (limit === 0 || state.entries.get(entry.invite.code) !== entry) return false;
  const headEnd = page.body.indexOf("</head>");
  const ogTitle = page.body.indexOf('<meta property="og:title"');
  if (headEnd < 0 || ogTitle < 0 || ogTitle > headEnd) return false;
  page.gzip = gzipSync(page.body);
  (entry.pages ??= new Map()).set(key, page);
  state.pagesKept += 1;
  const owners = state.pageOwners;
  owners.delete(entry.invite.code); // re-inserted last: the oldest owner gives its pages up first
  owners.add(entry.invite.code);
  while (owners.size > limit) {
    const oldest = owners.values().next().value!;
    owners.delete(oldest);
    const held = state.entries.get(oldest);
    if (held) held.pages = undefined;
  }
  return true;
}

/** The page's bytes for a viewer: the kept page with the wrapper's value and the name set, as parts to send in order. */
export function pageForViewer(page: KeptLandingPage, viewer: LandingViewerKind, name: string): Buffer[] {
  if (viewer === "anonymous") return [page.body];
  const { body, viewerAt, viewerLength, nameAt } = page;
  const parts = [
    body.subarray(0, viewerAt),
    Buffer.from(viewer),
    body.subarray(viewerAt + viewerLength, nameAt < 0 ? body.length : nameAt),
  ];
  if (nameAt >= 0) parts.push(Buffer.from(escapeHtmlText(name)), body.subarray(nameAt));
  return parts;
}
