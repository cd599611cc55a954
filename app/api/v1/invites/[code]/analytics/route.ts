import { RATE_LIMITS } from "@/lib/rate-limits";
import { inviteAnalyticsQuerySchema } from "@/lib/schemas/analytics";
import { getInviteAnalytics } from "@/server/analytics/get-invite-analytics";
import { parseQuery } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/invites/{code}/analytics - an invite's views, unique visitors, joins, unfurls and referrers (its inviter or MANAGE_GUILD)
export const GET = route<{ code: string }>(
  { auth: "required", rateLimit: RATE_LIMITS.analytics.invite },
  async ({ request, params, caller }) =>
    ok(await getInviteAnalytics(params.code, caller, parseQuery(request, inviteAnalyticsQuerySchema))),
);
