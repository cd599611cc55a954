import { updateRoleSchema } from "@/lib/schemas/roles";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { updateRole } from "@/server/roles/update-role";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/roles/[roleId]">["params"]>;

// PATCH /api/v1/guilds/{guild_id}/roles/{role_id} - edit a role; @everyone's id is the guild id (MANAGE_ROLES)
export const PATCH = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const roleId = pathId(params.roleId, "UNKNOWN_ROLE");
  const input = await parseBody(request, updateRoleSchema);
  return ok(await updateRole(guildId, roleId, caller, input, auditLogReason(request)));
});
