"use server";
// Form actions of the guild settings pages. Each one is thin: the helper in server/guild-settings/
// re-checks the signed-in user's permissions (never trusting the page), then the page is refreshed so
// the table, the banner and the vanity link show the new state without a full reload.
import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { membersSettingsPath } from "@/lib/guild-settings/members";
import { invitesSettingsPath, vanitySettingsPath } from "@/lib/guild-settings/paths";
import { createInviteFromForm } from "@/server/guild-settings/create-invite-from-form";
import { editInviteFromForm } from "@/server/guild-settings/edit-invite-from-form";
import { readInviteFilters } from "@/server/guild-settings/load-invite-list";
import { revokeInviteFromForm } from "@/server/guild-settings/revoke-invite-from-form";
import { setInvitesPaused } from "@/server/guild-settings/set-invites-paused";
import { updateVanityFromForm } from "@/server/guild-settings/update-vanity-from-form";
import type {
  CreateInviteState,
  EditInviteState,
  PauseInvitesState,
  RevokeInviteState,
  VanityFormState,
} from "@/lib/guild-settings/form-states";

// Bound arguments come back from the browser too: accept only strings.
const text = (value: unknown) => (typeof value === "string" ? value : "");

// Create an invite from the dialog's form; the dialog then shows its link and QR code.
export async function createInviteAction(
  guildId: string,
  _state: CreateInviteState,
  formData: FormData,
): Promise<CreateInviteState> {
  const state = await createInviteFromForm(text(guildId), formData);
  if (state.status === "created") refresh();
  return state;
}

// Edit an invite's limits from the table's dialog; a conflict comes back with the invite as it is now.
export async function editInviteAction(
  guildId: string,
  _state: EditInviteState,
  formData: FormData,
): Promise<EditInviteState> {
  const state = await editInviteFromForm(text(guildId), formData);
  if (state.status === "saved" || state.status === "conflict") refresh();
  return state;
}

// Revoke an invite after the confirmation, then back to the table (filters kept) with a notice.
export async function revokeInviteAction(
  guildId: string,
  channel: string,
  inviter: string,
  _state: RevokeInviteState,
  formData: FormData,
): Promise<RevokeInviteState> {
  const outcome = await revokeInviteFromForm(text(guildId), formData);
  if (!("revoked" in outcome)) return outcome;
  const filters = readInviteFilters({ channel: text(channel), inviter: text(inviter) });
  redirect(invitesSettingsPath(text(guildId), { ...filters, revoked: outcome.revoked }));
}

// Pause every invite of the guild until resumed (INVITES_DISABLED) or for some hours (`pause_for`), or resume.
export async function setInvitesPausedAction(
  guildId: string,
  tab: string,
  _state: PauseInvitesState,
  formData: FormData,
): Promise<PauseInvitesState> {
  const id = text(guildId);
  const returnPath =
    tab === "vanity"
      ? vanitySettingsPath(id)
      : tab === "members"
        ? membersSettingsPath(id)
        : invitesSettingsPath(id);
  const hours = text(formData.get("pause_for"));
  const state = await setInvitesPaused(
    id,
    formData.get("paused") === "1",
    hours === "" ? null : Number(hours),
    returnPath,
  );
  if (!state.error) {
    revalidatePath(`/guilds/${id}`);
    refresh();
  }
  return state;
}

// Set, change or clear the vanity URL.
export async function updateVanityAction(
  guildId: string,
  _state: VanityFormState,
  formData: FormData,
): Promise<VanityFormState> {
  const state = await updateVanityFromForm(text(guildId), formData);
  if (state.status === "saved" || state.status === "cleared") refresh();
  return state;
}
