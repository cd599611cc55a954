// The member-read bucket (lib/rate-limits.ts), named by the parsed guild id, never the raw path text.
import { guildMembersRule, type RateLimitRule } from "@/lib/rate-limits";
import { parseSnowflake } from "@/lib/snowflake";

export function guildMembersRateLimit(params: Record<string, string>): RateLimitRule {
  return guildMembersRule(String(parseSnowflake(params.guildId) ?? "invalid"));
}
