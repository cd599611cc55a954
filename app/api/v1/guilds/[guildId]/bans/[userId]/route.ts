import { createBanSchema } from "@/lib/schemas/bans";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { banMember } from "@/server/bans/ban-member";
import { unbanMember } from "@/server/bans/unban-member";
import { parseBody, pathId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/bans/[userId]">["params"]>;

// PUT /api/v1/guilds/{guild_id}/bans/{user_id} - ban a user and remove them from the guild (BAN_MEMBERS)
export const PUT = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const userId = pathId(params.userId, "UNKNOWN_USER");
  const input = await parseBody(request, createBanSchema);
  await banMember(guildId, userId, caller, input.reason ?? auditLogReason(request));
  return noContent();
});

// DELETE /api/v1/guilds/{guild_id}/bans/{user_id} - lift a ban (BAN_MEMBERS)
export const DELETE = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  await unbanMember(guildId, pathId(params.userId, "UNKNOWN_BAN"), caller, auditLogReason(request));
  return noContent();
});
