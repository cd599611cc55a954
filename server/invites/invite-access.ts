// Who may see an invite's metadata and revoke it: the inviter; for a guild invite
// a member with MANAGE_CHANNELS on its channel; for a group DM the channel's owner.
import { InviteType } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import {
  applyOverwrites,
  computeBasePermissions,
  hasPermission,
  Permissions,
  type OverwriteLike,
  type RoleLike,
} from "@/lib/permissions";
import { loadChannelAccess, requirePermission } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";
import type { Tx } from "@/server/db";

type InviteLike = {
  type: number;
  channelId: bigint;
  inviterId: bigint | null;
  channel: { ownerId?: bigint | null };
};

/** Throws 403 MISSING_ACCESS (not in the guild / group DM) or MISSING_PERMISSIONS unless the caller may manage the invite. */
export async function requireInviteManager(
  invite: InviteLike,
  caller: Pick<Caller, "id">,
  client?: Tx,
): Promise<void> {
  if (invite.inviterId !== null && invite.inviterId === caller.id) return;
  const access = await loadChannelAccess(invite.channelId, caller, client);
  if (invite.type === InviteType.GROUP_DM) {
    if (!access.isGroupDmOwner) throw new ApiError("MISSING_PERMISSIONS");
    return;
  }
  requirePermission(access.permissions, Permissions.MANAGE_CHANNELS);
}

/** Whether `uses`, `max_uses` and `max_age` may be shown to this caller (anonymous callers never). */
export async function canSeeInviteMetadata(
  invite: InviteLike,
  caller: Pick<Caller, "id"> | null,
  client?: Tx,
): Promise<boolean> {
  if (!caller) return false;
  try {
    await requireInviteManager(invite, caller, client);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return false;
    throw error;
  }
}

/**
 * The same decision as canSeeInviteMetadata for a caller known to be a member of the invite's guild (or a
 * recipient of its group DM), from data already loaded: the accept reads it in its one statement.
 */
export function canSeeMetadataOf(input: {
  userId: bigint;
  inviterId: bigint | null;
  guildId: bigint | null;
  channelOwnerId: bigint | null;
  guildOwnerId: bigint | null;
  everyonePermissions: bigint | null;
  /** The caller's roles in the guild (never @everyone). */
  roles: RoleLike[];
  overwrites: OverwriteLike[];
}): boolean {
  if (input.inviterId !== null && input.inviterId === input.userId) return true;
  if (input.guildId === null) return input.channelOwnerId === input.userId;
  const base = computeBasePermissions({
    userId: input.userId,
    ownerId: input.guildOwnerId ?? 0n,
    everyoneRole:
      input.everyonePermissions === null
        ? undefined
        : { id: input.guildId, permissions: input.everyonePermissions },
    memberRoles: input.roles,
  });
  const permissions = applyOverwrites({
    base,
    guildId: input.guildId,
    userId: input.userId,
    memberRoleIds: input.roles.map((r) => r.id),
    overwrites: input.overwrites,
  });
  return hasPermission(permissions, Permissions.MANAGE_CHANNELS);
}
