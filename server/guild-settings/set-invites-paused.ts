// The "Pause invites" switch, on the server: MANAGE_GUILD only, adds or removes the INVITES_DISABLED
// feature by itself (setGuildFeature: one conditional UPDATE in SQL, re-checking the permission and
// recording a guild-update audit entry in the same transaction). The other features are never read or
// written here, so an admin changing one of them at the same instant keeps their change.
import type { PauseInvitesState } from "@/lib/guild-settings/form-states";
import { ApiError } from "@/lib/errors";
import { requirePageUser } from "@/server/auth/page-user";
import { setGuildFeature } from "@/server/guilds/set-guild-feature";
import { loadSettingsAccess } from "./load-settings-access";

const REFUSED = "You don't have permission to pause this guild's invites.";

export async function setInvitesPaused(guildIdParam: string, paused: boolean, returnPath: string): Promise<PauseInvitesState> {
  const user = await requirePageUser(returnPath);
  const result = await loadSettingsAccess(guildIdParam, user.id);
  if (result.kind !== "ok" || !result.access.canManageGuild) return { error: REFUSED };
  try {
    // Already as asked (a second click, or another manager) changes nothing.
    await setGuildFeature(result.access.guildId, user, "INVITES_DISABLED", paused, null);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { error: REFUSED };
    throw error;
  }
  return {};
}
