import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { pathId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { changeMemberRole } from "@/server/roles/member-roles";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/members/[userId]/roles/[roleId]">["params"]>;

function ids(params: Params) {
  return [
    pathId(params.guildId, "UNKNOWN_GUILD"),
    pathId(params.userId, "UNKNOWN_MEMBER"),
    pathId(params.roleId, "UNKNOWN_ROLE"),
  ] as const;
}

// PUT /api/v1/guilds/{guild_id}/members/{user_id}/roles/{role_id} - give a role; makes membership permanent (MANAGE_ROLES)
export const PUT = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const [guildId, userId, roleId] = ids(params);
  await changeMemberRole("$add", guildId, userId, roleId, caller, auditLogReason(request));
  return noContent();
});

// DELETE /api/v1/guilds/{guild_id}/members/{user_id}/roles/{role_id} - take a role away (MANAGE_ROLES)
export const DELETE = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const [guildId, userId, roleId] = ids(params);
  await changeMemberRole("$remove", guildId, userId, roleId, caller, auditLogReason(request));
  return noContent();
});
