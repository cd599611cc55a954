import { RATE_LIMITS } from "@/lib/rate-limits";
import { auditLogQuerySchema } from "@/lib/schemas/audit-log";
import { listAuditLog } from "@/server/audit-log/list-audit-log";
import { parseQuery, pathId } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";

type Params = Awaited<RouteContext<"/api/v1/guilds/[guildId]/audit-logs">["params"]>;

// GET /api/v1/guilds/{guild_id}/audit-logs?action_type=&user_id=&before=&limit= - newest first (VIEW_AUDIT_LOG)
export const GET = route<Params>(
  { auth: "required", rateLimit: RATE_LIMITS.guilds.auditLog },
  async ({ request, caller, params }) => {
    const guildId = pathId(params.guildId, "UNKNOWN_GUILD");
    return ok(await listAuditLog(guildId, caller, parseQuery(request, auditLogQuerySchema)));
  },
);
