// The one route wrapper: resolves the caller, enforces auth, CSRF for cookie writes and rate limits,
// turns every throw into the Fluxer error envelope and writes one log line per request. Handlers stay four
// lines long.
import { randomUUID } from "node:crypto";
import { errorMessage } from "@/lib/error-message";
import { ApiError } from "@/lib/errors";
import { resolveCaller, type Caller } from "@/server/auth/caller";
import { appOrigin, hasAppUrl } from "@/server/config/app-url";
import { log, requestLogEnabled } from "@/server/log";
import { clientIp } from "./client-ip";
import { requestUrl } from "./parse";
import {
  GLOBAL_RULE,
  hit,
  isExhausted,
  rateLimitedError,
  rateLimitHeaders,
  type RateLimitRule,
  type RateLimitResult,
} from "./rate-limit";
import { json, toErrorResponse } from "./respond";

type AuthMode = "required" | "optional" | "none";

type RouteOptions = {
  auth?: AuthMode;
  /** Bots get 403 ACCESS_DENIED: the route acts for a person (accepting an invite, account and application changes). */
  usersOnly?: boolean;
  rateLimit?: RateLimitRule | ((params: Record<string, string>) => RateLimitRule);
  /** Counts this route's 404 answers per client IP; once used up, every request from that IP is a 429 (no code guessing). */
  notFoundLimit?: RateLimitRule;
};

export type HandlerContext<P, A extends AuthMode> = {
  request: Request;
  params: P;
  caller: A extends "required" ? Caller : Caller | null;
  ip: string;
};

type HandlerResult = Response | { status?: number; body: unknown; headers?: Record<string, string> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id that ties a request's log lines together (the request line and, on a 500, the error line with the
 * stack): the `X-Request-Id` a proxy or client sent when it is a plain token of at most 64 characters, so a
 * client's report of a failed request can be found in the logs, else a fresh one.
 */
export function requestIdOf(request: Request): string {
  const sent = request.headers.get("x-request-id");
  return sent !== null && REQUEST_ID.test(sent) ? sent : randomUUID();
}

export function expectedOrigin(request: Request): string {
  if (hasAppUrl()) return appOrigin();
  return new URL(request.url).origin;
}

/** Cookie-authenticated writes must come from our own pages: a foreign site cannot make a signed-in browser act. */
function checkOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const allowed = new Set([expectedOrigin(request), new URL(request.url).origin]);
  if (origin && allowed.has(origin)) return;
  if (!origin && request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ApiError("INVALID_ORIGIN");
}

/** `segment` is `value` as sent in the URL (a parameter arrives decoded, the path does not). */
function segmentIs(segment: string, value: string): boolean {
  if (segment === value) return true;
  if (!segment.includes("%")) return false;
  try {
    return decodeURIComponent(segment) === value;
  } catch {
    return false;
  }
}

/**
 * The route's pattern (`/api/v1/guilds/[guildId]/bans/[userId]`), rebuilt from the path and the params Next
 * decoded from it: request lines then group by route and carry no ids. Params come in path order, so each
 * is looked for right to left before the previous one (a code may equal a literal segment such as
 * "invites"). A param not found leaves its segment as sent, which is the plain path.
 */
export function routePattern(pathname: string, params: Record<string, unknown> | undefined): string {
  const names = params ? Object.keys(params) : [];
  if (names.length === 0) return pathname;
  const segments = pathname.split("/");
  let end = segments.length; // params still to place are left of this index
  for (let n = names.length - 1; n >= 0; n--) {
    const name = names[n]!;
    const value = params![name];
    if (typeof value !== "string") continue; // catch-all arrays: none of our /api/v1 routes has one
    for (let i = end - 1; i > 0; i--) {
      if (!segmentIs(segments[i]!, value)) continue;
      segments[i] = `[${name}]`;
      end = i;
      break;
    }
  }
  return segments.join("/");
}

/**
 * One line per answered request. Privacy: no IP, no token, no query string (the pattern hides ids and
 * codes as well). A 5xx is an error line on stderr with the thrown message; the detail (stack) is in the
 * line toErrorResponse wrote, with the same request_id. Nothing is built when the line would be dropped.
 */
function logRequest(
  requestId: string,
  method: string,
  pathname: string,
  params: Record<string, unknown> | undefined,
  status: number,
  started: number,
  caller: Caller | null,
  failure: unknown,
) {
  const level = status >= 500 ? "error" : "info";
  if (!requestLogEnabled(level)) return;
  log[level]("request", {
    request_id: requestId,
    method,
    route: routePattern(pathname, params),
    status,
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
    user_id: caller?.id,
    error: level === "error" && failure !== undefined ? errorMessage(failure) : undefined,
  });
}

export function route<
  P extends Record<string, string> = Record<string, string>,
  A extends AuthMode = "required",
>(options: RouteOptions & { auth?: A }, handler: (context: HandlerContext<P, A>) => Promise<HandlerResult>) {
  const mode: AuthMode = options.auth ?? "required";
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(request);
    const pathname = requestUrl(request).pathname;
    // Outside the try: the request line wants them whichever way the request ends.
    let params: P | undefined;
    let caller: Caller | null = null;
    let failure: unknown;
    let limits: RateLimitResult | undefined;
    let response: Response;
    try {
      params = (await context.params) ?? ({} as P);
      const ip = clientIp(request);
      if (mode !== "none") {
        const resolved = await resolveCaller(request);
        if (resolved === "invalid") throw new ApiError("UNAUTHORIZED");
        caller = resolved;
        if (mode === "required" && !caller) throw new ApiError("UNAUTHORIZED");
      }
      const identity = caller ? `user:${caller.id}` : `ip:${ip}`;
      const globalResult = await hit(GLOBAL_RULE, identity);
      if (!globalResult.allowed) throw rateLimitedError(globalResult, true);
      if (options.rateLimit) {
        const rule = typeof options.rateLimit === "function" ? options.rateLimit(params) : options.rateLimit;
        limits = await hit(rule, identity);
        if (!limits.allowed) throw rateLimitedError(limits, false);
      }
      if (options.notFoundLimit) {
        const exhausted = await isExhausted(options.notFoundLimit, `ip:${ip}`);
        if (exhausted) throw rateLimitedError(exhausted, false);
      }
      if (caller && options.usersOnly && caller.isBot) throw new ApiError("ACCESS_DENIED");
      if (caller?.via === "cookie" && !SAFE_METHODS.has(request.method)) checkOrigin(request);
      const result = await handler({ request, params, caller: caller as HandlerContext<P, A>["caller"], ip });
      if (result instanceof Response) {
        response = result;
        if (limits)
          for (const [key, value] of Object.entries(rateLimitHeaders(limits)))
            response.headers.set(key, value);
      } else {
        response = json(result.body, {
          status: result.status,
          headers: limits ? { ...rateLimitHeaders(limits), ...result.headers } : result.headers,
        });
      }
    } catch (error) {
      failure = error;
      response = toErrorResponse(error, `${request.method} ${pathname}`, requestId);
      if (options.notFoundLimit && response.status === 404)
        await hit(options.notFoundLimit, `ip:${clientIp(request)}`);
      if (limits && response.status !== 429) {
        for (const [key, value] of Object.entries(rateLimitHeaders(limits))) response.headers.set(key, value);
      }
    }
    logRequest(requestId, request.method, pathname, params, response.status, started, caller, failure);
    return response;
  };
}

export function ok(body: unknown, status = 200): HandlerResult {
  return { status, body };
}

/** 201 Created with the new resource as the body. */
export function created(body: unknown): HandlerResult {
  return { status: 201, body };
}
