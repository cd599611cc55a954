import { listBansQuerySchema } from "@/lib/schemas/bans";
import { listBans } from "@/server/bans/list-bans";
import { parseQuery, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = { guildId: string };

// GET /api/v1/guilds/{guild_id}/bans - the guild's bans (BAN_MEMBERS)
export const GET = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  return ok(await listBans(guildId, caller, parseQuery(request, listBansQuerySchema).limit));
});
