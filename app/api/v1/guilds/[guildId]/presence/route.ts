import { RATE_LIMITS } from "@/lib/rate-limits";
import { pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { getGuildPresence } from "@/server/presence/get-guild-presence";

// GET /api/v1/guilds/{guild_id}/presence - how many members are online (and in total), for members
export const GET = route<{ guildId: string }>(
  { auth: "required", rateLimit: RATE_LIMITS.guilds.presence },
  async ({ params, caller }) => {
    return ok(await getGuildPresence(pathId(params.guildId, "UNKNOWN_GUILD"), caller));
  },
);
