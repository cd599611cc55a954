// The "Revoke" confirmation, on the server: the invite must belong to this guild (the form's code is not
// trusted), then DELETE /invites/{code}'s use-case checks the inviter-or-MANAGE_CHANNELS rule itself.
import { ApiError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { MAX_REASON_LENGTH } from "@/lib/guild-settings/invite-options";
import { isLookupCode } from "@/lib/invite-code";
import { parseSnowflake } from "@/lib/snowflake";
import { requirePageUser } from "@/server/auth/page-user";
import { db } from "@/server/db";
import { hit } from "@/server/http/rate-limit";
import { deleteInvite } from "@/server/invites/delete-invite";
import { findLiveInvite } from "@/server/invites/find-live-invite";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import type { RevokeInviteState } from "@/lib/guild-settings/form-states";

export type RevokeOutcome = { revoked: string } | RevokeInviteState;

export async function revokeInviteFromForm(guildIdParam: string, formData: FormData): Promise<RevokeOutcome> {
  const user = await requirePageUser(`/guilds/${guildIdParam}/settings/invites`);
  const code = formText(formData, "code");
  const rawReason = formData.get("reason");
  const reason = typeof rawReason === "string" && rawReason.trim() !== "" ? rawReason.trim() : null;
  if (reason && reason.length > MAX_REASON_LENGTH)
    return { error: `Keep the reason under ${MAX_REASON_LENGTH} characters.` };
  const guildId = parseSnowflake(guildIdParam);
  const invite = guildId !== null && isLookupCode(code) ? await findLiveInvite(await db(), code) : null;
  // Gone already (revoked by someone else, expired or used up): the outcome the user wanted.
  if (!invite || invite.code !== code || invite.guildId !== guildId || invite.isVanity)
    return { revoked: code };

  const limit = await hit(INVITE_RATE_LIMITS.delete, `user:${user.id}`);
  if (!limit.allowed)
    return { error: "You are revoking invites too fast. Wait a few seconds and try again." };
  try {
    await deleteInvite(code, user, reason);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "UNKNOWN_INVITE") return { revoked: code };
    if (error.status === 403) return { error: "You don't have permission to revoke this invite." };
    return { error: error.message };
  }
  return { revoked: code };
}
