// Runs before routing, for /api/v1 only. Two things Next would otherwise answer itself, outside the API's
// error envelope: a path segment with malformed percent-encoding (Next fails to decode it: a plain-text
// 500), and a method the route doesn't implement (Next's bare 405). Both become the spec's JSON errors.
// No authentication or data access here: authorization lives next to the data, in each handler.
import { NextResponse, type NextRequest } from "next/server";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { allowedMethods } from "@/lib/api-routes";

const NOT_FOUND_BY_RESOURCE: Record<string, ErrorCode> = {
  invites: "UNKNOWN_INVITE",
  guilds: "UNKNOWN_GUILD",
  channels: "UNKNOWN_CHANNEL",
};

function error(code: ErrorCode, headers: Record<string, string> = {}) {
  return NextResponse.json({ code, message: ERROR_CODES[code].message }, { status: ERROR_CODES[code].status, headers });
}

export function proxy(request: NextRequest) {
  const rawPath = request.nextUrl.pathname.slice("/api/v1".length);
  let path: string;
  try {
    path = rawPath.split("/").map(decodeURIComponent).join("/");
  } catch {
    return error(NOT_FOUND_BY_RESOURCE[rawPath.split("/")[1] ?? ""] ?? "NOT_FOUND");
  }
  const allowed = allowedMethods(path);
  if (allowed && request.method !== "OPTIONS" && !allowed.includes(request.method === "HEAD" ? "GET" : request.method)) {
    return error("METHOD_NOT_ALLOWED", { allow: allowed.join(", ") });
  }
  return NextResponse.next();
}

export const config = { matcher: "/api/v1/:path*" };
