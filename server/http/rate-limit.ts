// Fixed-window rate limits per identity and bucket. The counters live behind a small
// store interface: process memory now; a shared store (e.g. Redis INCR + PEXPIRE) can implement the same
// two calls so limits hold across several app instances.
// RATE_LIMIT_SCALE multiplies every limit (e.g. 1000 for local load tests); it is 1 unless set.
import { ApiError } from "@/lib/errors";
import { RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limits";
import { resourceLimits } from "@/server/config/resource-limits";
import { createRedisStore } from "./rate-limit-redis";

export type { RateLimitRule };

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAtMs: number;
  bucket: string;
};

export type WindowState = { count: number; resetAtMs: number };

export interface RateLimitStore {
  /** Adds one to the key's window (a new window when none is open) and returns it. */
  increment(key: string, windowMs: number, now: number): Promise<WindowState>;
  /** The key's open window without counting, or null when none is open. */
  peek(key: string, now: number): Promise<WindowState | null>;
}

/**
 * In-process store: right for one instance (and PGlite, which is single-process anyway). It holds at most
 * `maxKeys` windows: expired ones are swept every 10 s, and when it is still full the oldest window goes, so
 * a flood of distinct identities costs a bounded amount of memory (the evicted identity merely gets a fresh
 * window, as it would after a restart).
 */
export function createMemoryStore(maxKeys = resourceLimits().rateLimitKeys): RateLimitStore {
  const windows = new Map<string, WindowState>();
  let lastSweep = 0;
  const sweep = (now: number, force = false) => {
    if (!force && now - lastSweep < 10_000) return;
    lastSweep = now;
    for (const [key, window] of windows) if (window.resetAtMs <= now) windows.delete(key);
  };
  return {
    async increment(key, windowMs, now) {
      sweep(now);
      let window = windows.get(key);
      if (!window || window.resetAtMs <= now) {
        if (!window && windows.size >= maxKeys) {
          sweep(now, true);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        window = { count: 0, resetAtMs: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { ...window };
    },
    async peek(key, now) {
      const window = windows.get(key);
      return window && window.resetAtMs > now ? { ...window } : null;
    },
  };
}

// One store per process, kept on globalThis because Next may load this module in several bundles.
const holder = globalThis as { __fluxerRateLimitStore?: RateLimitStore };
const store: RateLimitStore = (holder.__fluxerRateLimitStore ??= process.env.REDIS_URL
  ? createRedisStore(process.env.REDIS_URL, createMemoryStore())
  : createMemoryStore());

function scale(): number {
  const value = Number(process.env.RATE_LIMIT_SCALE ?? "1");
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

export function rateLimitsDisabled(): boolean {
  return process.env.RATE_LIMITS === "off";
}

function toResult(rule: RateLimitRule, window: WindowState | null, now: number): RateLimitResult {
  const limit = Math.floor(rule.limit * scale());
  const count = window?.count ?? 0;
  return {
    allowed: rateLimitsDisabled() || count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetAtMs: window?.resetAtMs ?? now + rule.windowSeconds * 1000,
    bucket: rule.bucket,
  };
}

/** Counts one request of `identity` against the rule. */
export async function hit(rule: RateLimitRule, identity: string, now = Date.now()): Promise<RateLimitResult> {
  return toResult(
    rule,
    await store.increment(`${rule.bucket}:${identity}`, rule.windowSeconds * 1000, now),
    now,
  );
}

/** Whether `identity` has already used up the rule, without counting this request. */
export async function isExhausted(
  rule: RateLimitRule,
  identity: string,
  now = Date.now(),
): Promise<RateLimitResult | null> {
  const window = await store.peek(`${rule.bucket}:${identity}`, now);
  if (!window || rateLimitsDisabled()) return null;
  const result = toResult(rule, window, now);
  return window.count >= result.limit ? { ...result, allowed: false } : null;
}

export function rateLimitHeaders(result: RateLimitResult, now = Date.now()): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.resetAtMs / 1000)),
    "X-RateLimit-Reset-After": (Math.max(0, result.resetAtMs - now) / 1000).toFixed(3),
    "X-RateLimit-Bucket": result.bucket,
  };
}

export function rateLimitedError(result: RateLimitResult, isGlobal: boolean, now = Date.now()): ApiError {
  const retryAfter = Math.max(0, result.resetAtMs - now) / 1000;
  return new ApiError("RATE_LIMITED", {
    headers: {
      ...rateLimitHeaders(result, now),
      "Retry-After": String(Math.max(1, Math.ceil(retryAfter))),
      "X-RateLimit-Global": String(isGlobal),
    },
    extra: { retry_after: Number(retryAfter.toFixed(3)), global: isGlobal },
  });
}

export const GLOBAL_RULE: RateLimitRule = RATE_LIMITS.global;
