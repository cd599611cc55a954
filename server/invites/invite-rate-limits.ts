// The invite routes' rate limits, per identity (user, else client IP). The numbers are Fluxer's, so a client
// paced for Fluxer is never limited here.
import { parseSnowflake } from "@/lib/snowflake";
import type { RateLimitRule } from "@/server/http/rate-limit";

export const INVITE_RATE_LIMITS = {
  get: { bucket: "invites:get", limit: 100, windowSeconds: 10 },
  accept: { bucket: "invites:accept", limit: 10, windowSeconds: 10 },
  delete: { bucket: "invites:delete", limit: 20, windowSeconds: 10 },
  // Edits are paced like revokes: both are a manager's writes to one invite.
  update: { bucket: "invites:update", limit: 20, windowSeconds: 10 },
  list: { bucket: "invites:list", limit: 40, windowSeconds: 10 },
  vanityGet: { bucket: "vanity:get", limit: 100, windowSeconds: 10 },
  vanityUpdate: { bucket: "vanity:update", limit: 10, windowSeconds: 60 },
  // 404s from GET and accept per client IP; once used up, that IP gets 429 even for real codes, so codes
  // can't be found by guessing.
  unknownCode: { bucket: "invites:unknown", limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * Create: 20 per minute per channel. The bucket is named by the parsed id, never the raw path text (which
 * may hold bytes a header can't carry, or spell one channel several ways such as a leading 0).
 */
export function createInviteRateLimit(params: Record<string, string>): RateLimitRule {
  const channelId = parseSnowflake(params.channelId);
  return { bucket: `invites:create:${channelId ?? "invalid"}`, limit: 20, windowSeconds: 60 };
}
