// Runs before routing, for two things.
// 1. /api/v1: what Next would otherwise answer itself, outside the API's error envelope: a path segment with
//    malformed percent-encoding (Next fails to decode it: a plain-text 500), and a method the route doesn't
//    implement (Next's bare 405). Both become the spec's JSON errors.
// 2. Landing pages (/invite/{code}, /{code}): a signed-out visitor of an invite whose public preview is in
//    this instance's preview cache gets the cached page instead of a per-request render: its HTML snapshot
//    straight from here when there is one (server/landing/page-snapshots.ts), else Next's page cache
//    (app/landing, via the rewrite in next.config.ts). Every other visitor (signed in, a query such as
//    ?accept=1, a form POST, a code not in the cache) gets the dynamic page, which does the lookup, the
//    unknown-code limit and the per-viewer button.
// No authentication or data access here: authorization lives next to the data, in each handler.
import { NextResponse, type NextRequest } from "next/server";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { allowedMethods } from "@/lib/api-routes";
import { isLookupCode } from "@/lib/invite-code";
import { LANDING_KEY_HEADER, type LandingForm } from "@/lib/landing-routing";
import { isReservedCode } from "@/lib/reserved-codes";
import { methodNotAllowed } from "@/server/http/respond";
import { cachedPreview, type CachedPreview } from "@/server/invites/preview-cache-store";
import { fillSnapshot, isSnapshotFill, snapshotOf, type Snapshot } from "@/server/landing/page-snapshots";

const NOT_FOUND_BY_RESOURCE: Record<string, ErrorCode> = {
  invites: "UNKNOWN_INVITE",
  guilds: "UNKNOWN_GUILD",
  channels: "UNKNOWN_CHANNEL",
};

function error(code: ErrorCode) {
  return NextResponse.json({ code, message: ERROR_CODES[code].message }, { status: ERROR_CODES[code].status });
}

/** The preview entry whose cached landing page may answer this request, or null for the dynamic page. */
function cachedLandingEntry(request: NextRequest, code: string): CachedPreview | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.nextUrl.search !== "") return null; // ?accept=1 and client navigations (_rsc) are per visitor
  const headers = request.headers;
  if (headers.has("rsc") || headers.has("next-action") || headers.has("next-router-prefetch")) return null;
  if ((headers.get("cookie") ?? "").includes("authjs.session-token")) return null; // signed in: per viewer
  if (!isLookupCode(code) || isReservedCode(code)) return null;
  return cachedPreview(code);
}

// What Next's own page answers vary on. Next's compression still applies (gzip when the client asks).
const SNAPSHOT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

function serveSnapshot(request: NextRequest, snapshot: Snapshot) {
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache", vary: SNAPSHOT_VARY };
  return new NextResponse(request.method === "HEAD" ? null : new Uint8Array(snapshot.html), { status: 200, headers });
}

function landing(request: NextRequest, path: string) {
  if (path === "/landing" || path.startsWith("/landing/")) {
    // Only reachable through the rewrite in next.config.ts (and our own snapshot fill): its pages skip the
    // unknown-code limit.
    if (isSnapshotFill(request)) return NextResponse.next();
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const match = /^\/(invite\/)?([^/]+)$/.exec(path);
  let entry: CachedPreview | null = null;
  let code = "";
  if (match) {
    try {
      code = decodeURIComponent(match[2]!);
      entry = cachedLandingEntry(request, code);
    } catch {
      entry = null; // malformed percent-encoding: the dynamic page's 404
    }
  }
  const form: LandingForm = match?.[1] ? "invite" : "short";
  if (entry) {
    const snapshot = snapshotOf(entry, form);
    if (snapshot) return serveSnapshot(request, snapshot);
    fillSnapshot(entry, form, code); // for the next visitor; this one goes through the page cache
  }
  const key = entry?.appearance ?? null;
  const forged = request.headers.has(LANDING_KEY_HEADER);
  if (key === null && !forged) return NextResponse.next();
  // The header is ours alone: set it to the key, or remove what a client sent.
  const headers = new Headers(request.headers);
  if (key === null) {
    headers.delete(LANDING_KEY_HEADER);
    return NextResponse.next({ request: { headers } });
  }
  headers.set(LANDING_KEY_HEADER, key);
  // The cached page must not be kept by shared caches under the public URL: signed-in visitors get another.
  return NextResponse.next({ request: { headers }, headers: { "cache-control": "private, no-cache" } });
}

export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith("/api/v1")) return landing(request, request.nextUrl.pathname);
  const rawPath = request.nextUrl.pathname.slice("/api/v1".length);
  let path: string;
  try {
    path = rawPath.split("/").map(decodeURIComponent).join("/");
  } catch {
    return error(NOT_FOUND_BY_RESOURCE[rawPath.split("/")[1] ?? ""] ?? "NOT_FOUND");
  }
  const allowed = allowedMethods(path);
  if (allowed && request.method !== "OPTIONS" && !allowed.includes(request.method === "HEAD" ? "GET" : request.method)) {
    return methodNotAllowed(allowed);
  }
  return NextResponse.next();
}

// Running the proxy costs about 0.3 ms of Next's machinery per request, so it runs only where it must.
// /api/v1/invites/{well-formed code} is left out: the hottest API path answers its own 405s (its route file)
// and cannot have malformed encoding. Of the single-segment paths, only those next.config.ts's short-link
// rewrite can apply to (SHORT_LANDING_CODE in lib/landing-routing.ts; Next needs literals here, and a unit
// test keeps the two equal), so static pages such as /about and /login stay outside.
export const config = {
  matcher: [
    "/api/v1",
    "/api/v1/((?!invites/[A-Za-z0-9-]+$).*)",
    "/invite/:code",
    "/landing",
    "/landing/:path*",
    "/:code((?!about|login|register|guilds|api|landing|invite)[A-Za-z0-9-]{2,32})",
  ],
};
