import { updateGuildSchema } from "@/lib/schemas/guilds";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { getGuild } from "@/server/guilds/get-guild";
import { updateGuild } from "@/server/guilds/update-guild";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]">["params"]>;

// GET /api/v1/guilds/{guild_id} - the guild with its roles (members; instance admins see any guild)
export const GET = route<Params>({ auth: "required" }, async ({ caller, params }) => {
  return ok(await getGuild(pathId(params.guildId, "UNKNOWN_GUILD"), caller));
});

// PATCH /api/v1/guilds/{guild_id} - rename, pause invites (MANAGE_GUILD); instance admins set any feature
export const PATCH = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const input = await parseBody(request, updateGuildSchema);
  return ok(await updateGuild(guildId, caller, input, auditLogReason(request)));
});
