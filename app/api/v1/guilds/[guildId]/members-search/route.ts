import { memberSearchSchema } from "@/lib/schemas/member-search";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { guildMembersRateLimit } from "@/server/members/member-rate-limits";
import { searchMembers } from "@/server/members/search-members";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/members-search">["params"]>;

// Fluxer reports a body that is not JSON at the path `body` with INVALID_FORMAT.
const INVALID_BODY = { path: "body", code: "INVALID_FORMAT" };

// POST /api/v1/guilds/{guild_id}/members-search - search members by name, role and join (moderators; join sources for MANAGE_GUILD)
export const POST = route<Params>(
  { auth: "required", rateLimit: guildMembersRateLimit },
  async ({ request, caller, params }) => {
    const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
    return ok(
      await searchMembers(guildId, caller, await parseBody(request, memberSearchSchema, INVALID_BODY)),
    );
  },
);
