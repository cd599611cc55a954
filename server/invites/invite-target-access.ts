// Who may see a targeted invite (IS_TARGETED): the users on its list, those who manage the list (its inviter,
// or MANAGE_GUILD on its guild), and those who may revoke it (MANAGE_CHANNELS on its channel), who all see it
// in their invite lists anyway. To everyone else it does not exist: GET, accept and the landing page answer exactly as for an unknown code, and refusals that would
// otherwise be a 403 (an edit, a revoke) are the same 404, so no answer tells a stranger the code is real.
import { InviteFlags } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { db, type Tx } from "@/server/db";
import { loadGuildAccess } from "@/server/guilds/access";
import { canSeeInviteMetadata } from "./invite-access";
import type { Caller } from "@/server/auth/caller";

type TargetedLike = {
  code: string;
  flags: number;
  type: number;
  guildId: bigint | null;
  channelId: bigint;
  inviterId: bigint | null;
  channel: { ownerId?: bigint | null };
};

export function isTargeted(invite: { flags: number }): boolean {
  return (invite.flags & InviteFlags.IS_TARGETED) !== 0;
}

/** Whether the caller may change the invite's target list: its inviter, or MANAGE_GUILD on its guild. */
export async function canManageTargets(
  invite: TargetedLike,
  caller: Pick<Caller, "id">,
  client?: Tx,
): Promise<boolean> {
  if (invite.inviterId !== null && invite.inviterId === caller.id) return true;
  if (invite.guildId === null) return false;
  const access = await loadGuildAccess(invite.guildId, caller.id, client);
  return access.member !== null && hasPermission(access.permissions, Permissions.MANAGE_GUILD);
}

export async function isInviteTarget(code: string, userId: bigint, client?: Tx): Promise<boolean> {
  const prisma = client ?? (await db());
  const row = await prisma.inviteTargetUser.findUnique({
    where: { inviteCode_userId: { inviteCode: code, userId } },
  });
  return row !== null;
}

/** Whether the invite is visible to this caller: every untargeted invite is; a targeted one as said above. */
export async function canSeeInvite(
  invite: TargetedLike,
  caller: Pick<Caller, "id"> | null,
  client?: Tx,
): Promise<boolean> {
  if (!isTargeted(invite)) return true;
  if (caller === null) return false;
  return (
    (await isInviteTarget(invite.code, caller.id, client)) ||
    (await canManageTargets(invite, caller, client)) ||
    canSeeInviteMetadata(invite, caller, client)
  );
}

/** 404 UNKNOWN_INVITE for a targeted invite the caller may not see (before any other check can answer 403). */
export async function requireVisibleInvite(invite: TargetedLike, caller: Caller, client?: Tx): Promise<void> {
  if (!(await canSeeInvite(invite, caller, client))) throw new ApiError("UNKNOWN_INVITE");
}
