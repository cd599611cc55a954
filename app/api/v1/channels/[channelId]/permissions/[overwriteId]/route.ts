import { permissionOverwriteSchema } from "@/lib/schemas/channels";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { deletePermissionOverwrite } from "@/server/channels/delete-permission-overwrite";
import { setPermissionOverwrite } from "@/server/channels/set-permission-overwrite";
import { parseBody, pathId } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/channels/[channelId]/permissions/[overwriteId]">["params"]>;

// PUT /api/v1/channels/{channel_id}/permissions/{overwrite_id} - set a role or member overwrite (MANAGE_ROLES)
export const PUT = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const channelId = pathId(params.channelId, "UNKNOWN_CHANNEL");
  const targetId = pathId(params.overwriteId, "NOT_FOUND");
  const input = await parseBody(request, permissionOverwriteSchema);
  await setPermissionOverwrite(channelId, targetId, caller, input, auditLogReason(request));
  return noContent();
});

// DELETE /api/v1/channels/{channel_id}/permissions/{overwrite_id} - remove an overwrite (MANAGE_ROLES)
export const DELETE = route<Params>({ auth: "required" }, async ({ request, caller, params }) => {
  const channelId = pathId(params.channelId, "UNKNOWN_CHANNEL");
  const targetId = pathId(params.overwriteId, "NOT_FOUND");
  await deletePermissionOverwrite(channelId, targetId, caller, auditLogReason(request));
  return noContent();
});
