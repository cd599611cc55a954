// Role hierarchy rules (as in Fluxer and Discord): a manager acts only on roles and members strictly below
// their own highest role, and grants only permission bits they hold. The guild owner is above everything.
import { ApiError } from "@/lib/errors";
import type { GuildAccess } from "@/server/guilds/access";

type RoleLike = { id: bigint; position: number };

/** Highest position among the given role ids (0 when only @everyone). */
export function highestRolePosition(roles: RoleLike[], roleIds: bigint[]): number {
  const held = new Set(roleIds);
  return roles.reduce((top, role) => (held.has(role.id) && role.position > top ? role.position : top), 0);
}

export function isGuildOwner(access: GuildAccess, userId: bigint): boolean {
  return access.guild.ownerId === userId;
}

/** 403 MISSING_PERMISSIONS unless the caller's highest role is above `position` (owner always passes). */
export function requireAbove(access: GuildAccess, callerId: bigint, position: number) {
  if (isGuildOwner(access, callerId)) return;
  if (highestRolePosition(access.roles, access.memberRoleIds) <= position)
    throw new ApiError("MISSING_PERMISSIONS");
}

/** 403 MISSING_PERMISSIONS when `bits` asks for a permission the caller does not hold. */
export function requireGrantable(callerPermissions: bigint, bits: bigint) {
  if ((bits & ~callerPermissions) !== 0n) throw new ApiError("MISSING_PERMISSIONS");
}
