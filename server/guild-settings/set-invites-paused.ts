// The "Pause invites" switch, on the server: MANAGE_GUILD only, toggles the INVITES_DISABLED feature
// through the same use-case as PATCH /guilds/{id} (which locks the row, re-checks the permission and
// records a guild-update audit entry). Other features are passed through unchanged.
import type { PauseInvitesState } from "@/components/guild-settings/form-states";
import { ApiError } from "@/lib/errors";
import type { UpdateGuildInput } from "@/lib/schemas/guilds";
import { GUILD_FEATURES } from "@/lib/constants";
import { requirePageUser } from "@/server/auth/page-user";
import { updateGuild } from "@/server/guilds/update-guild";
import { loadSettingsAccess } from "./load-settings-access";

type Feature = NonNullable<UpdateGuildInput["features"]>[number];

const isFeature = (value: string): value is Feature => (GUILD_FEATURES as readonly string[]).includes(value);

export async function setInvitesPaused(guildIdParam: string, paused: boolean, returnPath: string): Promise<PauseInvitesState> {
  const user = await requirePageUser(returnPath);
  const result = await loadSettingsAccess(guildIdParam, user.id);
  if (result.kind !== "ok" || !result.access.canManageGuild) return { error: "You don't have permission to pause this guild's invites." };
  const { access } = result;
  if (access.isPaused === paused) return {}; // already as asked (e.g. a second click, or another manager)
  const others = access.guild.features.filter((f) => f !== "INVITES_DISABLED").filter(isFeature);
  const features: Feature[] = paused ? [...others, "INVITES_DISABLED"] : others;
  try {
    await updateGuild(access.guildId, user, { features }, null);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { error: "You don't have permission to pause this guild's invites." };
    throw error;
  }
  return {};
}
