// The "Create invite" form, on the server: re-checks who is asking and what they may do (never trusting
// the page), accepts only the menu's choices, applies the API's per-channel rate limit, and creates the
// invite through the same use-case as POST /channels/{id}/invites.
import { channelLabel } from "@/lib/channels";
import { LIMITS } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import {
  DEFAULT_MAX_AGE,
  isExpireOption,
  isMaxUsesOption,
  MAX_REASON_LENGTH,
} from "@/lib/guild-settings/invite-options";
import { CREATE_INVITE_MESSAGES } from "@/lib/messages";
import { requirePageUser } from "@/server/auth/page-user";
import { inviteLink } from "@/server/config/app-url";
import { hit } from "@/server/http/rate-limit";
import { createInvite } from "@/server/invites/create-invite";
import { createInviteRateLimit } from "@/server/invites/invite-rate-limits";
import { loadSettingsAccess } from "./load-settings-access";
import { resolveInviteTargets } from "./resolve-invite-targets";
import type {
  CreateInviteField,
  CreateInviteState,
  CreateInviteValues,
} from "@/lib/guild-settings/form-states";

function readValues(formData: FormData): CreateInviteValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const number = (name: string, fallback: number) =>
    /^\d{1,7}$/.test(text(name)) ? Number(text(name)) : fallback;
  return {
    channel: text("channel"),
    maxAge: number("max_age", -1),
    maxUses: number("max_uses", -1),
    temporary: formData.get("temporary") === "on" || formData.get("temporary") === "true",
    reason: text("reason"),
    roleIds: formData.getAll("role_ids").filter((value): value is string => typeof value === "string"),
    targeted: formData.get("targeted") === "on" || formData.get("targeted") === "true",
    targets: text("targets").slice(0, 40_000),
  };
}

function failure(
  values: CreateInviteValues,
  fieldErrors: Partial<Record<CreateInviteField, string>>,
  formError?: string,
): CreateInviteState {
  // Put back only values the menus offer, so the form never re-renders with a forged option selected.
  const safe = {
    ...values,
    maxAge: isExpireOption(values.maxAge) ? values.maxAge : DEFAULT_MAX_AGE,
    maxUses: isMaxUsesOption(values.maxUses) ? values.maxUses : 0,
  };
  return { status: "error", fieldErrors, formError, values: safe };
}

function apiErrorMessage(
  error: ApiError,
  channel: string,
  hasRoles: boolean,
): { field?: CreateInviteField; message: string } | null {
  switch (error.code) {
    case "MISSING_PERMISSIONS":
    case "MISSING_ACCESS":
      // The channel was checked just before; with roles, what changed is more likely the roles one may give.
      return hasRoles
        ? { field: "roles", message: CREATE_INVITE_MESSAGES.rolesRefused }
        : { field: "channel", message: CREATE_INVITE_MESSAGES.noPermission(channel) };
    case "UNKNOWN_CHANNEL":
      return { field: "channel", message: CREATE_INVITE_MESSAGES.unknownChannel };
    case "MAX_INVITES":
      return { message: CREATE_INVITE_MESSAGES.maxInvites };
    case "INVALID_FORM_BODY":
      return { message: error.errors?.[0]?.message ?? CREATE_INVITE_MESSAGES.invalid };
    default:
      return null;
  }
}

export async function createInviteFromForm(
  guildIdParam: string,
  formData: FormData,
): Promise<CreateInviteState> {
  const user = await requirePageUser(`/guilds/${guildIdParam}/settings/invites`);
  const values = readValues(formData);
  const result = await loadSettingsAccess(guildIdParam, user.id);
  if (result.kind !== "ok") return failure(values, {}, CREATE_INVITE_MESSAGES.noAccess);

  const fieldErrors: Partial<Record<CreateInviteField, string>> = {};
  const channel = result.access.channels.find((c) => c.id === values.channel);
  if (!channel) fieldErrors.channel = CREATE_INVITE_MESSAGES.pickChannel;
  else if (!channel.canInvite)
    fieldErrors.channel = CREATE_INVITE_MESSAGES.noPermission(channelLabel(channel));
  if (!isExpireOption(values.maxAge)) fieldErrors.max_age = CREATE_INVITE_MESSAGES.pickMaxAge;
  if (!isMaxUsesOption(values.maxUses)) fieldErrors.max_uses = CREATE_INVITE_MESSAGES.pickMaxUses;
  if (values.reason.length > MAX_REASON_LENGTH)
    fieldErrors.reason = CREATE_INVITE_MESSAGES.reasonTooLong(MAX_REASON_LENGTH);
  const offered = new Set(result.access.grantableRoles.map((role) => role.id));
  if (values.roleIds.some((id) => !offered.has(id))) fieldErrors.roles = CREATE_INVITE_MESSAGES.pickRoles;
  else if (values.roleIds.length > LIMITS.MAX_INVITE_ROLES)
    fieldErrors.roles = CREATE_INVITE_MESSAGES.tooManyRoles(LIMITS.MAX_INVITE_ROLES);
  const targets = values.targeted ? await resolveInviteTargets(values.targets) : null;
  if (targets && "error" in targets) fieldErrors.targets = targets.error;
  if (!channel || Object.keys(fieldErrors).length > 0) return failure(values, fieldErrors);

  const limit = await hit(createInviteRateLimit({ channelId: channel.id }), `user:${user.id}`);
  if (!limit.allowed) return failure(values, {}, CREATE_INVITE_MESSAGES.tooFast);

  try {
    const invite = await createInvite(
      BigInt(channel.id),
      user,
      {
        max_age: values.maxAge,
        max_uses: values.maxUses,
        temporary: values.temporary,
        unique: true,
        role_ids: values.roleIds.map(BigInt),
        target_user_ids: targets && "ids" in targets ? targets.ids : undefined,
      },
      values.reason === "" ? null : values.reason,
    );
    return {
      status: "created",
      values,
      invite: {
        code: invite.code,
        url: inviteLink(invite.code),
        channel: channelLabel(channel),
        maxAge: invite.max_age ?? values.maxAge,
        maxUses: invite.max_uses ?? values.maxUses,
        temporary: invite.temporary,
        expiresAt: invite.expires_at ?? null,
      },
    };
  } catch (error) {
    const mapped =
      error instanceof ApiError
        ? apiErrorMessage(error, channelLabel(channel), values.roleIds.length > 0)
        : null;
    if (!mapped) throw error;
    return mapped.field
      ? failure(values, { [mapped.field]: mapped.message })
      : failure(values, {}, mapped.message);
  }
}
