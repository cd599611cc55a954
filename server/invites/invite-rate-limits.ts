// The invite routes' limits come from the one table (lib/rate-limits.ts); invite creation is counted per
// channel, named by the parsed id, never the raw path text (which may hold bytes a header can't carry, or
// spell one channel several ways such as a leading 0).
import { RATE_LIMITS, inviteCreateRule, type RateLimitRule } from "@/lib/rate-limits";
import { parseSnowflake } from "@/lib/snowflake";

export const INVITE_RATE_LIMITS = RATE_LIMITS.invites;

export function createInviteRateLimit(params: Record<string, string>): RateLimitRule {
  return inviteCreateRule(String(parseSnowflake(params.channelId) ?? "invalid"));
}
