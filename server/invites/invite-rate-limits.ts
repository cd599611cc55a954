// The invite routes' rate limits (spec section 9, Fluxer's numbers), per identity (user, else client IP).
import type { RateLimitRule } from "@/server/http/rate-limit";

export const INVITE_RATE_LIMITS = {
  get: { bucket: "invites:get", limit: 100, windowSeconds: 10 },
  accept: { bucket: "invites:accept", limit: 10, windowSeconds: 10 },
  delete: { bucket: "invites:delete", limit: 20, windowSeconds: 10 },
  list: { bucket: "invites:list", limit: 40, windowSeconds: 10 },
  vanityGet: { bucket: "vanity:get", limit: 100, windowSeconds: 10 },
  vanityUpdate: { bucket: "vanity:update", limit: 10, windowSeconds: 60 },
  // 404s from GET and accept per client IP; once used up, that IP gets 429 even for real codes, so codes
  // can't be found by guessing.
  unknownCode: { bucket: "invites:unknown", limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/** Create: 20 per minute per channel. */
export function createInviteRateLimit(params: Record<string, string>): RateLimitRule {
  return { bucket: `invites:create:${params.channelId ?? ""}`, limit: 20, windowSeconds: 60 };
}
