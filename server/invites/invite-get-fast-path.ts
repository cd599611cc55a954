// GET /api/v1/invites/{code} of a signed-out caller whose invite the preview cache holds, answered by the HTTP
// server before Next (scripts/http-server.mjs calls the function registered here, as it does the landing
// views'). Next's request handling costs ~1 ms of CPU per request here, which is most of what a cached
// lookup costs; the lookup itself is a map read and a string that was made once per entry and query.
//
// It takes a request only when the route would answer it from the cache for an anonymous caller:
// - GET of exactly /api/v1/invites/{code}, the code in the characters codes are made of (no percent-encoding,
//   dot segment or trailing slash), and a query of nothing but `with_counts` and `with_expiration`, each at
//   most once, with a value the route reads (true, false, 1, 0);
// - no Authorization header and no session cookie (the route resolves those to a caller, who may see
//   metadata or get a 401), none of Next's router headers;
// - the preview cache holds the code's entry now (the same lookup the route's load makes, vanity spellings
//   included).
// Everything else (unknown codes, uncached invites, signed-in callers, any other query or method) goes to Next
// as it came. Once taken, the request runs the route's own steps with the route's own functions, in its
// order: the global limit and the `invites:get` bucket counted for the client's address, the unknown-code
// gate, the preview (getInviteBody: the cache read, the view counted), the same headers, error envelope and
// request line. An entry dropped between the check and the read (a revoke landing meanwhile) is read from the
// database as the route would, and a revoked invite is the route's 404, counted against the unknown-code limit.
import { gzipSync } from "node:zlib";
import { viewSourceOfMessage } from "@/server/analytics/view-source";
import { SESSION_COOKIES } from "@/server/auth/caller";
import { isRouterRequest, registerFastPath } from "@/server/http/fast-path";
import { GLOBAL_RULE, hit, isExhausted, rateLimitedError, rateLimitHeaders } from "@/server/http/rate-limit";
import { toErrorResponse, toJsonText } from "@/server/http/respond";
import { logRequest, requestIdFrom } from "@/server/http/route";
import { log } from "@/server/log";
import { getInviteBody } from "./get-invite";
import { INVITE_RATE_LIMITS } from "./invite-rate-limits";
import { cachedPreviewFor, isEnabled, previewCacheState } from "./preview-cache-store";
import type { GetInviteQuery } from "@/lib/schemas/invites";
import type { IncomingMessage, ServerResponse } from "node:http";

const PATH = /^\/api\/v1\/invites\/([A-Za-z0-9-]{1,64})(?:\?([^#]*))?$/;
const QUERY_PAIR = /^(with_counts|with_expiration)=(true|false|1|0)$/;

type Target = { code: string; pathname: string; query: GetInviteQuery };

/** The request's code and query when the route would read them as this function does; null otherwise. */
export function inviteGetTarget(method: string | undefined, url: string | undefined): Target | null {
  if (method !== "GET" || !url) return null;
  const match = PATH.exec(url);
  if (!match) return null;
  const query: GetInviteQuery = { with_counts: false, with_expiration: false };
  const search = match[2];
  if (search !== undefined) {
    // A bare "?" or an empty pair reads the same to the route; they are rare enough to leave to it.
    const seen = new Set<string>();
    for (const pair of search.split("&")) {
      const flag = QUERY_PAIR.exec(pair);
      if (!flag || seen.has(flag[1]!)) return null;
      seen.add(flag[1]!);
      query[flag[1] as keyof GetInviteQuery] = flag[2] === "true" || flag[2] === "1";
    }
  }
  const code = match[1]!;
  return { code, pathname: `/api/v1/invites/${code}`, query };
}

/** Whether the route would resolve a caller (or refuse one) from these headers: then it is Next's request. */
function mayHaveCaller(request: IncomingMessage): boolean {
  if (request.headers.authorization !== undefined) return true;
  const cookie = request.headers.cookie;
  // The route's own test (resolveCaller): a session cookie's name followed by "=" anywhere in the header.
  return cookie !== undefined && SESSION_COOKIES.some((name) => cookie.includes(`${name}=`));
}

function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * The body's encoding as Next's compression would choose it: gzip when the client lists it, none when the
 * header is absent or names neither gzip nor deflate. Anything that needs weighing (q-values, deflate alone,
 * "*") is left to Next: null.
 */
export function responseEncoding(header: string | string[] | undefined): "gzip" | "identity" | null {
  if (header === undefined) return "identity";
  if (Array.isArray(header) || header.includes(";")) return null;
  const tokens = header
    .toLowerCase()
    .split(",")
    .map((token) => token.trim());
  if (tokens.includes("gzip")) return "gzip";
  return tokens.includes("deflate") || tokens.includes("*") ? null : "identity";
}

// What Next adds to every answer of this route: its router's Vary, and Accept-Encoding from its compression.
const VARY =
  "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";

/**
 * Writes an answer as Next writes a route handler's Response: Vary first, then the Response's headers as a
 * Fetch Headers object lists them (lowercase, sorted), then the encoding; chunked, like Next's stream.
 */
function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
  encoding: "gzip" | "identity",
) {
  const out: Record<string, string> = { Vary: VARY };
  const lower: Record<string, string> = {};
  for (const name in headers) lower[name.toLowerCase()] = headers[name]!;
  for (const name of Object.keys(lower).sort()) out[name] = lower[name]!;
  if (encoding === "gzip") out["Content-Encoding"] = "gzip";
  response.writeHead(status, out);
  response.end(encoding === "gzip" ? gzippedText(text) : text);
}

// The gzipped body of recent answers (an entry's JSON text is the same string for every caller), so a hot
// invite is compressed once, not per request. Bounded; the oldest go first.
const MAX_GZIPPED = 256;
const gzipped = new Map<string, Buffer>();

function gzippedText(text: string): Buffer {
  let bytes = gzipped.get(text);
  if (bytes === undefined) {
    bytes = gzipSync(text);
    if (gzipped.size >= MAX_GZIPPED) gzipped.delete(gzipped.keys().next().value!);
    gzipped.set(text, bytes);
  }
  return bytes;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/**
 * Answers the request here when it is an anonymous GET of a cached invite, else calls `next` (Next answers it
 * as it came). Never throws.
 */
export async function serveInviteGet(
  request: IncomingMessage,
  response: ServerResponse,
  address: string,
  next: () => void,
): Promise<void> {
  const target = isEnabled() ? inviteGetTarget(request.method, request.url) : null;
  const encoding = target ? responseEncoding(request.headers["accept-encoding"]) : null;
  if (
    !target ||
    !encoding ||
    mayHaveCaller(request) ||
    isRouterRequest(request) ||
    !cachedPreviewFor(target.code)
  )
    return next();

  // From here on this is the route (server/http/route.ts with the GET handler of app/api/v1/invites/[code]),
  // step for step, for a caller that is nobody.
  previewCacheState.lookupsBeforeNext += 1;
  const started = performance.now();
  const requestId = requestIdFrom(firstValue(request.headers["x-request-id"]));
  const params = { code: target.code };
  const identity = `ip:${address}`;
  let limits: Record<string, string> | undefined;
  let status = 200;
  let failure: unknown;
  try {
    try {
      const globalResult = await hit(GLOBAL_RULE, identity);
      if (!globalResult.allowed) throw rateLimitedError(globalResult, true);
      const bucket = await hit(INVITE_RATE_LIMITS.get, identity);
      limits = rateLimitHeaders(bucket);
      if (!bucket.allowed) throw rateLimitedError(bucket, false);
      const exhausted = await isExhausted(INVITE_RATE_LIMITS.unknownCode, identity);
      if (exhausted) throw rateLimitedError(exhausted, false);
      const body = await getInviteBody(
        target.code,
        null,
        target.query,
        viewSourceOfMessage(request, address),
      );
      send(response, 200, { ...limits, ...JSON_HEADERS }, toJsonText(body), encoding);
    } catch (error) {
      failure = error;
      const answer = toErrorResponse(error, `GET ${target.pathname}`, requestId);
      status = answer.status;
      if (status === 404) await hit(INVITE_RATE_LIMITS.unknownCode, identity);
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => (headers[name] = value));
      if (limits && status !== 429) for (const name in limits) headers[name.toLowerCase()] = limits[name]!;
      send(response, status, headers, await answer.text(), encoding);
    }
    logRequest(requestId, "GET", target.pathname, params, status, started, null, failure);
  } catch (error) {
    // Writing the answer failed (the client went away): nothing is left to send.
    log.error("invite fast path failed", { request_id: requestId, error: String(error) });
    if (!response.headersSent) response.destroy();
  }
}

/** Makes the fast path available to the HTTP server (same process, shared through globalThis). */
export function registerInviteGetFastPath() {
  registerFastPath("__fluxerInviteGet", serveInviteGet);
}
