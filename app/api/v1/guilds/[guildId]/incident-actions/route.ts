import { incidentActionsSchema } from "@/lib/schemas/guilds";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { setIncidentActions } from "@/server/guilds/set-incident-actions";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/incident-actions">["params"]>;

// PUT /api/v1/guilds/{guild_id}/incident-actions - pause invites (and DMs) until a time at most 24 h ahead (MANAGE_GUILD)
export const PUT = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const input = await parseBody(request, incidentActionsSchema);
  const changes = {
    invitesDisabledUntil: input.invites_disabled_until,
    dmsDisabledUntil: input.dms_disabled_until,
  };
  return ok(await setIncidentActions(guildId, caller, changes, auditLogReason(request)));
});
