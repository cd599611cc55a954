// Fixed-window rate limits per identity and bucket (spec section 9), in process memory by default.
// RATE_LIMIT_SCALE multiplies every limit (e.g. 1000 for local load tests); it is 1 unless set.
import { ApiError } from "@/lib/errors";

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetAtMs: number; bucket: string };

type Window = { count: number; resetAtMs: number };

const windows: Map<string, Window> = (((globalThis as Record<string, unknown>).__fluxerRateLimits ??= new Map()) as Map<string, Window>);

function scale(): number {
  const value = Number(process.env.RATE_LIMIT_SCALE ?? "1");
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

export function rateLimitsDisabled(): boolean {
  return process.env.RATE_LIMITS === "off";
}

let lastSweep = 0;
function sweep(now: number) {
  if (now - lastSweep < 10_000) return;
  lastSweep = now;
  for (const [key, window] of windows) if (window.resetAtMs <= now) windows.delete(key);
}

export function hit(rule: RateLimitRule, identity: string, now = Date.now()): RateLimitResult {
  sweep(now);
  const limit = Math.floor(rule.limit * scale());
  const key = `${rule.bucket}:${identity}`;
  let window = windows.get(key);
  if (!window || window.resetAtMs <= now) {
    window = { count: 0, resetAtMs: now + rule.windowSeconds * 1000 };
    windows.set(key, window);
  }
  window.count += 1;
  return {
    allowed: rateLimitsDisabled() || window.count <= limit,
    limit,
    remaining: Math.max(0, limit - window.count),
    resetAtMs: window.resetAtMs,
    bucket: rule.bucket,
  };
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

export const GLOBAL_RULE: RateLimitRule = { bucket: "global", limit: 50, windowSeconds: 1 };
