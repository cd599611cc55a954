import { createChannelSchema } from "@/lib/schemas/channels";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { createChannel } from "@/server/channels/create-channel";
import { listGuildChannels } from "@/server/channels/list-guild-channels";
import { parseBody, pathId } from "@/server/http/parse";
import { created, ok, route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/channels">["params"]>;

// GET /api/v1/guilds/{guild_id}/channels - the channels the caller can view
export const GET = route<Params>({ auth: "required" }, async ({ caller, params }) => {
  return ok(await listGuildChannels(pathId(params.guildId, "UNKNOWN_GUILD"), caller));
});

// POST /api/v1/guilds/{guild_id}/channels - create a text, voice or category channel (MANAGE_CHANNELS)
export const POST = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const input = await parseBody(request, createChannelSchema);
  return created(await createChannel(guildId, caller, input, auditLogReason(request)));
});
