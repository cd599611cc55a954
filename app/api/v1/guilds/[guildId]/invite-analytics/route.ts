import { RATE_LIMITS } from "@/lib/rate-limits";
import { guildInviteAnalyticsQuerySchema } from "@/lib/schemas/analytics";
import { getGuildInviteAnalytics } from "@/server/analytics/get-guild-invite-analytics";
import { parseQuery, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

// GET /api/v1/guilds/{id}/invite-analytics - the guild's invites ranked by joins and conversion (MANAGE_GUILD)
export const GET = route<{ guildId: string }>(
  { auth: "required", rateLimit: RATE_LIMITS.analytics.guild },
  async ({ request, params, caller }) =>
    ok(
      await getGuildInviteAnalytics(
        pathId(params.guildId, "UNKNOWN_GUILD"),
        caller,
        parseQuery(request, guildInviteAnalyticsQuerySchema),
      ),
    ),
);
