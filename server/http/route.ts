// The one route wrapper: resolves the caller, enforces auth, CSRF for cookie writes and rate limits,
// and turns every throw into the Fluxer error envelope. Handlers stay four lines long.
import { ApiError } from "@/lib/errors";
import { resolveCaller, type Caller } from "@/server/auth/caller";
import { clientIp } from "./client-ip";
import { GLOBAL_RULE, hit, isExhausted, rateLimitedError, rateLimitHeaders, type RateLimitRule, type RateLimitResult } from "./rate-limit";
import { json, toErrorResponse } from "./respond";

type AuthMode = "required" | "optional" | "none";

type RouteOptions = {
  auth?: AuthMode;
  /** Bots get 403 ACCESS_DENIED (spec: accept is for users only). */
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

export function expectedOrigin(request: Request): string {
  if (process.env.APP_URL) return new URL(process.env.APP_URL).origin;
  return new URL(request.url).origin;
}

/** Cookie-authenticated writes must come from our own pages (spec section 2). */
function checkOrigin(request: Request) {
  const origin = request.headers.get("origin");
  const allowed = new Set([expectedOrigin(request), new URL(request.url).origin]);
  if (origin && allowed.has(origin)) return;
  if (!origin && request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ApiError("INVALID_ORIGIN");
}

export function route<P extends Record<string, string> = Record<string, string>, A extends AuthMode = "required">(
  options: RouteOptions & { auth?: A },
  handler: (context: HandlerContext<P, A>) => Promise<HandlerResult>,
) {
  const mode: AuthMode = options.auth ?? "required";
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const label = `${request.method} ${new URL(request.url).pathname}`;
    let limits: RateLimitResult | undefined;
    try {
      const params = (await context.params) ?? ({} as P);
      const ip = clientIp(request);
      let caller: Caller | null = null;
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
      const response = result instanceof Response ? result : json(result.body, { status: result.status, headers: result.headers });
      if (limits) for (const [key, value] of Object.entries(rateLimitHeaders(limits))) response.headers.set(key, value);
      return response;
    } catch (error) {
      const response = toErrorResponse(error, label);
      if (options.notFoundLimit && response.status === 404) await hit(options.notFoundLimit, `ip:${clientIp(request)}`);
      if (limits && response.status !== 429) {
        for (const [key, value] of Object.entries(rateLimitHeaders(limits))) response.headers.set(key, value);
      }
      return response;
    }
  };
}

export function ok(body: unknown, status = 200): HandlerResult {
  return { status, body };
}
