import { ApiError } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { loadChannelAccess, requirePermission } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

/** A guild channel whose overwrites the caller may edit: MANAGE_ROLES in that channel, after overwrites. */
export async function loadOverwriteChannel(channelId: bigint, caller: Caller) {
  const access = await loadChannelAccess(channelId, caller);
  // Group DMs have no permission overwrites.
  if (!access.guildAccess || access.channel.guildId === null) throw new ApiError("UNKNOWN_CHANNEL");
  requirePermission(access.permissions, Permissions.MANAGE_ROLES);
  return {
    channel: access.channel,
    permissions: access.permissions,
    guildAccess: access.guildAccess,
    guildId: access.channel.guildId,
  };
}
