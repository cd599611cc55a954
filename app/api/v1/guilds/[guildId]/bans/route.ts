import { listBansQuerySchema } from "@/lib/schemas/bans";
import { listBans } from "@/server/bans/list-bans";
import { parseQuery, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { guildMembersRateLimit } from "@/server/members/member-rate-limits";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/bans">["params"]>;

// GET /api/v1/guilds/{guild_id}/bans - the guild's bans (BAN_MEMBERS)
export const GET = route<Params>(
  { auth: "required", rateLimit: guildMembersRateLimit },
  async ({ request, caller, params }) => {
    const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
    return ok(await listBans(guildId, caller, parseQuery(request, listBansQuerySchema).limit));
  },
);
