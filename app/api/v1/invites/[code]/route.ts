import { allowedMethods } from "@/lib/api-routes";
import { getInviteQuerySchema, updateInviteSchema } from "@/lib/schemas/invites";
import { viewSourceOf } from "@/server/analytics/view-source";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody, parseQuery } from "@/server/http/parse";
import { methodNotAllowedHandlers } from "@/server/http/respond";
import { ok, route } from "@/server/http/route";
import { acceptInvite } from "@/server/invites/accept-invite";
import { deleteInvite } from "@/server/invites/delete-invite";
import { getInviteBody } from "@/server/invites/get-invite";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { updateInvite } from "@/server/invites/update-invite";

type Params = Awaited<RouteContext<"/api/v1/invites/[code]">["params"]>;

// Every answer depends on the request (caller, rate limits): never prerendered, and Next then skips the
// bookkeeping it does to detect dynamic use on routes that don't say so.
export const dynamic = "force-dynamic";

// GET /api/v1/invites/{code} - preview an invite (anonymous works; metadata only for its managers)
export const GET = route<Params, "optional">(
  { auth: "optional", rateLimit: INVITE_RATE_LIMITS.get, notFoundLimit: INVITE_RATE_LIMITS.unknownCode },
  async ({ request, params, caller, ip }) =>
    ok(
      await getInviteBody(
        params.code,
        caller,
        parseQuery(request, getInviteQuerySchema),
        viewSourceOf(request, ip),
      ),
    ),
);

// POST /api/v1/invites/{code} - accept an invite: join its guild or group DM (users only)
export const POST = route<Params>(
  {
    auth: "required",
    usersOnly: true,
    rateLimit: INVITE_RATE_LIMITS.accept,
    notFoundLimit: INVITE_RATE_LIMITS.unknownCode,
  },
  async ({ params, caller }) => ok(await acceptInvite(params.code, caller)),
);

// DELETE /api/v1/invites/{code} - revoke an invite (its inviter or MANAGE_CHANNELS on its channel)
export const DELETE = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.delete },
  async ({ request, params, caller }) => ok(await deleteInvite(params.code, caller, auditLogReason(request))),
);

// PATCH /api/v1/invites/{code} - edit max_uses, max_age or temporary at the version read (its inviter or MANAGE_CHANNELS)
export const PATCH = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.update },
  async ({ request, params, caller }) => {
    const input = await parseBody(request, updateInviteSchema);
    return ok(await updateInvite(params.code, caller, input, auditLogReason(request)));
  },
);

// PUT - 405 in the error envelope. proxy.ts answers this for every other route, but a well-formed code here
// skips the proxy: it is the hottest path (a viral link), and the proxy costs a third of its throughput
// (docs/benchmarks.md).
export const { PUT } = methodNotAllowedHandlers(
  allowedMethods("/invites/code") ?? ["GET", "POST", "PATCH", "DELETE"],
);
