// Fluxer's shared member-read bucket: listing members, reading one, listing bans and searching members all
// count against 40 requests per 10 seconds per caller and guild. Named by the parsed id, never the raw path.
import { parseSnowflake } from "@/lib/snowflake";
import type { RateLimitRule } from "@/server/http/rate-limit";

export function guildMembersRateLimit(params: Record<string, string>): RateLimitRule {
  const guildId = parseSnowflake(params.guildId);
  return { bucket: `guild:members:${guildId ?? "invalid"}`, limit: 40, windowSeconds: 10 };
}
