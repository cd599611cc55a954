import { RATE_LIMITS } from "@/lib/rate-limits";
import { gatewayQuerySchema } from "@/lib/schemas/gateway";
import { openEventStream } from "@/server/events/open-event-stream";
import { parseQuery } from "@/server/http/parse";
import { route } from "@/server/http/route";

// The stream stays open for as long as the client keeps it: never cached, never prerendered.
export const dynamic = "force-dynamic";

// GET /api/v1/gateway/events - server-sent events (READY, invites, members, guild counts); signed-in streams count as presence
export const GET = route(
  { auth: "optional", rateLimit: RATE_LIMITS.gateway.connect },
  async ({ request, caller, ip }) => {
    const query = parseQuery(request, gatewayQuerySchema);
    return openEventStream({ request, caller, ip, guildCounts: query.guild_counts });
  },
);
