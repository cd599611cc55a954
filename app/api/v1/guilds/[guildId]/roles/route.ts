import { createRoleSchema } from "@/lib/schemas/roles";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody, pathId } from "@/server/http/parse";
import { created, ok, route } from "@/server/http/route";
import { createRole } from "@/server/roles/create-role";
import { listRoles } from "@/server/roles/list-roles";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/roles">["params"]>;

// GET /api/v1/guilds/{guild_id}/roles - the guild's roles (members)
export const GET = route<Params>({ auth: "required" }, async ({ caller, params }) => {
  return ok(await listRoles(pathId(params.guildId, "UNKNOWN_GUILD"), caller));
});

// POST /api/v1/guilds/{guild_id}/roles - create a role (MANAGE_ROLES)
export const POST = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
  const input = await parseBody(request, createRoleSchema);
  return created(await createRole(guildId, caller, input, auditLogReason(request)));
});
