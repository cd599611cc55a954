import { ApiError } from "@/lib/errors";
import { parseSnowflake } from "@/lib/snowflake";
import { auditLogReason } from "@/server/audit-log/record-audit-log";
import { noContent } from "@/server/http/respond";
import { route } from "@/server/http/route";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { addInviteTargets, removeInviteTargets } from "@/server/invites/manage-invite-targets";

type Params = { code: string; userId: string };

/** The user id from the path; ids are kept as given, so a malformed one is a 400 naming it, not a lookup. */
function userIdOf(params: Params): bigint {
  const id = parseSnowflake(params.userId);
  if (id === null)
    throw new ApiError("INVALID_FORM_BODY", {
      errors: [{ path: "user_id", code: "INVALID_SNOWFLAKE", message: "Not a valid snowflake id" }],
    });
  return id;
}

// PUT /api/v1/invites/{code}/target-users/{user_id} - add one user to a targeted invite (inviter or MANAGE_GUILD)
export const PUT = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.targets },
  async ({ request, params, caller }) => {
    await addInviteTargets(params.code, caller, [userIdOf(params)], auditLogReason(request));
    return noContent();
  },
);

// DELETE /api/v1/invites/{code}/target-users/{user_id} - take one user off a targeted invite (inviter or MANAGE_GUILD)
export const DELETE = route<Params>(
  { auth: "required", rateLimit: INVITE_RATE_LIMITS.targets },
  async ({ request, params, caller }) => {
    await removeInviteTargets(params.code, caller, [userIdOf(params)], auditLogReason(request));
    return noContent();
  },
);
