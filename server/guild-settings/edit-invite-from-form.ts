// The invites table's "Edit" dialog, on the server: accepts only the menus' choices and edits through the same
// use-case as PATCH /invites/{code} (which checks who may edit, the version, and uses), under the API's rate
// limit. When someone else changed the invite first, it answers the invite as it is now, so the dialog can
// say what changed and let the manager decide again.
import { LIMITS } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { isExpireOption, isMaxUsesOption } from "@/lib/guild-settings/invite-options";
import { invitesSettingsPath } from "@/lib/guild-settings/paths";
import { parseSnowflake } from "@/lib/snowflake";
import { requirePageUser } from "@/server/auth/page-user";
import { hit } from "@/server/http/rate-limit";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { updateInvite } from "@/server/invites/update-invite";
import type { EditableInvite, EditInviteState } from "@/lib/guild-settings/form-states";
import type { InviteObject } from "@/lib/invites/invite-object";

/** The dialog's view of an invite object with metadata. */
export function editableInvite(invite: InviteObject, channel: string): EditableInvite {
  return {
    code: invite.code,
    channel,
    uses: invite.uses ?? 0,
    maxUses: invite.max_uses ?? 0,
    maxAge: invite.max_age ?? 0,
    temporary: invite.temporary,
    expiresAt: invite.expires_at ?? null,
    roleIds: invite.roles.map((role) => role.id),
    version: invite.version,
  };
}

function refusal(error: ApiError): string | null {
  switch (error.code) {
    case "MISSING_PERMISSIONS":
    case "MISSING_ACCESS":
      return "You don't have permission to edit this invite.";
    case "UNKNOWN_INVITE":
      return "This invite no longer works: it was revoked, expired or used up.";
    case "INVALID_FORM_BODY":
      return error.errors?.[0]?.message ?? "These settings are not valid.";
    case "RATE_LIMITED":
      return "Too many edits at once. Wait a few seconds and try again.";
    default:
      return null;
  }
}

export async function editInviteFromForm(guildIdParam: string, formData: FormData): Promise<EditInviteState> {
  const user = await requirePageUser(invitesSettingsPath(guildIdParam));
  const text = (name: string) => formText(formData, name).trim();
  const number = (name: string) => (/^\d{1,7}$/.test(text(name)) ? Number(text(name)) : -1);
  const code = text("code");
  const channel = text("channel"); // words the dialog showed, shown back to the same person
  const version = number("version");
  const maxUses = number("max_uses");
  const maxAge = text("max_age") === "" ? undefined : number("max_age");
  if (!/^[A-Za-z0-9-]{2,32}$/.test(code) || version < 1)
    return { status: "error", error: "This invite can't be edited from here." };
  if (!isMaxUsesOption(maxUses) || (maxAge !== undefined && !isExpireOption(maxAge)))
    return { status: "error", error: "Pick the settings from the menus." };
  // The roles are edited only when the dialog offered them (every role the invite gives is one the editor
  // may give); otherwise they are left as they are.
  const roleIds =
    formData.get("roles_shown") === "1" ? formData.getAll("role_ids").map(parseSnowflake) : undefined;
  if (roleIds && (roleIds.length > LIMITS.MAX_INVITE_ROLES || roleIds.includes(null)))
    return { status: "error", error: `Pick at most ${LIMITS.MAX_INVITE_ROLES} roles from the list.` };
  try {
    const limit = await hit(INVITE_RATE_LIMITS.update, `user:${user.id}`);
    if (!limit.allowed)
      return { status: "error", error: "Too many edits at once. Wait a few seconds and try again." };
    const temporary = formData.get("temporary") === "on";
    const saved = await updateInvite(
      code,
      user,
      {
        max_uses: maxUses,
        max_age: maxAge,
        temporary,
        version,
        role_ids: roleIds?.filter((id): id is bigint => id !== null),
      },
      null,
    );
    return { status: "saved", invite: editableInvite(saved, channel) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const current =
      error.code === "INVITE_VERSION_MISMATCH"
        ? (error.extra?.invite as InviteObject | undefined)
        : undefined;
    if (current) return { status: "conflict", current: editableInvite(current, channel) };
    const message = refusal(error);
    if (message === null) throw error;
    return { status: "error", error: message };
  }
}
