// Runs before routing, for what must be answered before any route code:
// 1. /api/v1: what Next would otherwise answer itself, outside the API's error envelope: a path segment with
//    malformed percent-encoding (Next fails to decode it: a plain-text 500), and a method the route doesn't
//    implement (Next's bare 405). Both become the API's JSON errors.
// 2. Landing pages (/invite/{code}, /{code}) that Next serves: an address that has used up the unknown-code
//    limit gets a 429 with Retry-After (a page can't set that status), so codes can't be enumerated by scraping
//    pages. Views answered from a kept page never reach Next; the HTTP server applies the same gate to them
//    first (server/landing/landing-fast-path.ts).
// No authentication or data access here: authorization lives next to the data, in each handler.
import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods } from "@/lib/api-routes";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { clientIp } from "@/server/http/client-ip";
import { methodNotAllowed } from "@/server/http/respond";
import { lookupBlockedFor, slowDownAnswer } from "@/server/landing/lookup-limit";

const NOT_FOUND_BY_RESOURCE: Record<string, ErrorCode> = {
  invites: "UNKNOWN_INVITE",
  guilds: "UNKNOWN_GUILD",
  channels: "UNKNOWN_CHANNEL",
};

function error(code: ErrorCode) {
  return NextResponse.json(
    { code, message: ERROR_CODES[code].message },
    { status: ERROR_CODES[code].status },
  );
}

async function landing(request: NextRequest) {
  const blockedFor = await lookupBlockedFor(clientIp(request));
  if (blockedFor === null) return NextResponse.next();
  const answer = slowDownAnswer(blockedFor, request.method);
  return new NextResponse(answer.body || null, { status: answer.status, headers: answer.headers });
}

function api(request: NextRequest) {
  const rawPath = request.nextUrl.pathname.slice("/api/v1".length);
  let path: string;
  try {
    path = rawPath.split("/").map(decodeURIComponent).join("/");
  } catch {
    return error(NOT_FOUND_BY_RESOURCE[rawPath.split("/")[1] ?? ""] ?? "NOT_FOUND");
  }
  const allowed = allowedMethods(path);
  if (
    allowed &&
    request.method !== "OPTIONS" &&
    !allowed.includes(request.method === "HEAD" ? "GET" : request.method)
  ) {
    return methodNotAllowed(allowed);
  }
  return NextResponse.next();
}

export function proxy(request: NextRequest) {
  return request.nextUrl.pathname.startsWith("/api/v1") ? api(request) : landing(request);
}

// Running the proxy costs about 0.3 ms of Next's machinery per request, so it runs only where it must.
// /api/v1/invites/{well-formed code} is left out: the hottest API path answers its own 405s (its route file)
// and cannot have malformed encoding. Every single-segment path runs it except the app's own pages (named in
// full, so a code that merely starts like one, "aboutus", is still a landing page), as does every /invite/{x}:
// each spelling that reaches a landing page passes the gate.
export const config = {
  matcher: [
    "/api/v1",
    "/api/v1/((?!invites/[A-Za-z0-9-]+$).*)",
    "/invite/:code",
    "/:code((?!(?:about|login|register|guilds|api|invite|favicon\\.ico|robots\\.txt)$)[^/]+)",
  ],
};
