// The pause controls of the settings pages, on the server: MANAGE_GUILD only.
// - "Until I resume" (the switch) adds the INVITES_DISABLED feature by itself (setGuildFeature: one
//   conditional UPDATE in SQL, re-checking the permission and recording a guild-update audit entry in the same
//   transaction). The other features are never read or written here, so an admin changing one of them at the
//   same instant keeps their change.
// - "Pause for 1 h / 6 h / 24 h" sets the guild's timed pause (incident actions) to end that long from now,
//   by the server's clock.
// - Resume ends both: whatever paused the invites, the manager who clicks Resume wants them open.
import { ApiError } from "@/lib/errors";
import { isPauseForOption } from "@/lib/guild-settings/invite-options";
import { requirePageUser } from "@/server/auth/page-user";
import { setGuildFeature } from "@/server/guilds/set-guild-feature";
import { setIncidentActions } from "@/server/guilds/set-incident-actions";
import { loadSettingsAccess } from "./load-settings-access";
import type { PauseInvitesState } from "@/lib/guild-settings/form-states";

const REFUSED = "You don't have permission to pause this guild's invites.";

/** `pauseForHours`: null pauses until someone resumes; else one of the offered durations. */
export async function setInvitesPaused(
  guildIdParam: string,
  paused: boolean,
  pauseForHours: number | null,
  returnPath: string,
): Promise<PauseInvitesState> {
  const user = await requirePageUser(returnPath);
  const result = await loadSettingsAccess(guildIdParam, user.id);
  if (result.kind !== "ok" || !result.access.canManageGuild) return { error: REFUSED };
  if (pauseForHours !== null && !isPauseForOption(pauseForHours))
    return { error: "Pick how long to pause invites for." };
  const { guildId } = result.access;
  try {
    // Already as asked (a second click, or another manager) changes nothing.
    if (!paused) {
      await setGuildFeature(guildId, user, "INVITES_DISABLED", false, null);
      await setIncidentActions(guildId, user, { invitesDisabledUntil: null }, null);
    } else if (pauseForHours === null) {
      await setGuildFeature(guildId, user, "INVITES_DISABLED", true, null);
    } else {
      await setIncidentActions(
        guildId,
        user,
        { invitesDisabledUntil: new Date(Date.now() + pauseForHours * 3600_000) },
        null,
      );
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { error: REFUSED };
    throw error;
  }
  return {};
}
