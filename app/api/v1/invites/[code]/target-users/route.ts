import { listInviteTargetUsersQuerySchema } from "@/lib/schemas/invites";
import { parseQuery } from "@/server/http/parse";
import { ok, route } from "@/server/http/route";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { listInviteTargets } from "@/server/invites/manage-invite-targets";

type Params = { code: string };

// GET /api/v1/invites/{code}/target-users - the user ids a targeted invite is for, ascending (inviter or MANAGE_GUILD)
export const GET = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.list },
  async ({ request, params, caller }) =>
    ok(await listInviteTargets(params.code, caller, parseQuery(request, listInviteTargetUsersQuerySchema))),
);
