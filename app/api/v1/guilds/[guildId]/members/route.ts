import { listMembersQuerySchema } from "@/lib/schemas/members";
import { parseQuery, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { listMembers } from "@/server/members/list-members";
import { guildMembersRateLimit } from "@/server/members/member-rate-limits";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/members">["params"]>;

// GET /api/v1/guilds/{guild_id}/members?limit=&after= - members by user id ascending (members)
export const GET = route<Params>(
  { auth: "required", rateLimit: guildMembersRateLimit },
  async ({ request, caller, params }) => {
    const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
    return ok(await listMembers(guildId, caller, parseQuery(request, listMembersQuerySchema)));
  },
);
