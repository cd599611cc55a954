// The vanity URL form, on the server: the API's rules (lib/schemas/vanity.ts), its rate limit, and the
// same use-case as PATCH /guilds/{id}/vanity-url; every refusal comes back as a sentence for the field.
import { ApiError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { vanityMessage } from "@/lib/guild-settings/vanity-rules";
import { updateVanitySchema } from "@/lib/schemas/vanity";
import { requirePageUser } from "@/server/auth/page-user";
import { hit } from "@/server/http/rate-limit";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { updateVanityUrl } from "@/server/invites/update-vanity-url";
import { loadSettingsAccess } from "./load-settings-access";
import type { VanityFormState } from "@/lib/guild-settings/form-states";

export async function updateVanityFromForm(
  guildIdParam: string,
  formData: FormData,
): Promise<VanityFormState> {
  const user = await requirePageUser(`/guilds/${guildIdParam}/settings/vanity`);
  const isClear = formData.get("intent") === "clear";
  const raw = formText(formData, "code");
  const failure = (error: string): VanityFormState => ({ status: "error", value: raw, error });

  const result = await loadSettingsAccess(guildIdParam, user.id);
  if (result.kind !== "ok" || !result.access.canManageGuild)
    return failure(vanityMessage("MISSING_PERMISSIONS"));
  if (!result.access.hasVanityFeature) return failure(vanityMessage("VANITY_URL_REQUIRES_FEATURE"));

  const parsed = updateVanitySchema.safeParse({ code: isClear ? null : raw });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = issue?.code === "custom" ? (issue.params?.code as string | undefined) : undefined;
    return failure(vanityMessage(code ?? "VANITY_URL_INVALID_CHARACTERS"));
  }

  const limit = await hit(INVITE_RATE_LIMITS.vanityUpdate, `user:${user.id}`);
  if (!limit.allowed) return failure(vanityMessage("RATE_LIMITED"));
  try {
    const saved = await updateVanityUrl(result.access.guildId, user, parsed.data, null);
    return saved.code === null ? { status: "cleared", value: "" } : { status: "saved", value: saved.code };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const code = error.code === "INVALID_FORM_BODY" ? (error.errors?.[0]?.code ?? error.code) : error.code;
    return failure(vanityMessage(code, error.errors?.[0]?.message ?? error.message));
  }
}
