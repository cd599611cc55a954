import { inviteTargetUsersSchema } from "@/lib/schemas/invites";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { parseBody } from "@/server/http/parse";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { addInviteTargets } from "@/server/invites/manage-invite-targets";

type Params = { code: string };

// POST /api/v1/invites/{code}/target-users/bulk-add - add up to 1000 users to a targeted invite (inviter or MANAGE_GUILD)
export const POST = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.targets },
  async ({ request, params, caller }) => {
    const { user_ids } = await parseBody(request, inviteTargetUsersSchema);
    await addInviteTargets(params.code, caller, user_ids, auditLogReason(request));
    return noContent();
  },
);
