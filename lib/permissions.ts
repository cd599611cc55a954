// Permission bits and their computation: the same bits as Fluxer and Discord, so clients and bots written
// for them read our permission fields unchanged.

export const Permissions = {
  CREATE_INSTANT_INVITE: 1n << 0n,
  KICK_MEMBERS: 1n << 1n,
  BAN_MEMBERS: 1n << 2n,
  ADMINISTRATOR: 1n << 3n,
  MANAGE_CHANNELS: 1n << 4n,
  MANAGE_GUILD: 1n << 5n,
  VIEW_AUDIT_LOG: 1n << 7n,
  VIEW_CHANNEL: 1n << 10n,
  MANAGE_NICKNAMES: 1n << 27n,
  MANAGE_ROLES: 1n << 28n,
  MODERATE_MEMBERS: 1n << 40n,
} as const;

/** Any one of these lets a member search the guild's members (POST /guilds/{id}/members-search), as on Fluxer. */
export const MEMBER_SEARCH_PERMISSIONS: readonly bigint[] = [
  Permissions.MANAGE_GUILD,
  Permissions.MANAGE_ROLES,
  Permissions.MANAGE_NICKNAMES,
  Permissions.BAN_MEMBERS,
  Permissions.MODERATE_MEMBERS,
  Permissions.KICK_MEMBERS,
];

export type PermissionName = keyof typeof Permissions;

export const ALL_PERMISSIONS = (1n << 64n) - 1n;

export const DEFAULT_EVERYONE_PERMISSIONS = Permissions.VIEW_CHANNEL | Permissions.CREATE_INSTANT_INVITE;

export type RoleLike = { id: bigint; permissions: bigint };
export type OverwriteLike = { targetId: bigint; type: number; allow: bigint; deny: bigint };

export const OVERWRITE_ROLE = 0;
export const OVERWRITE_MEMBER = 1;

/** Guild-level permissions: owner and ADMINISTRATOR get every bit; else @everyone OR the member's roles. */
export function computeBasePermissions(input: {
  userId: bigint;
  ownerId: bigint;
  everyoneRole: RoleLike | undefined;
  memberRoles: RoleLike[];
}): bigint {
  if (input.userId === input.ownerId) return ALL_PERMISSIONS;
  let permissions = input.everyoneRole?.permissions ?? 0n;
  for (const role of input.memberRoles) permissions |= role.permissions;
  if ((permissions & Permissions.ADMINISTRATOR) !== 0n) return ALL_PERMISSIONS;
  return permissions;
}

/** Applies channel overwrites in order: @everyone, then the union of role overwrites, then the member's. */
export function applyOverwrites(input: {
  base: bigint;
  guildId: bigint;
  userId: bigint;
  memberRoleIds: bigint[];
  overwrites: OverwriteLike[];
}): bigint {
  if ((input.base & Permissions.ADMINISTRATOR) !== 0n || input.base === ALL_PERMISSIONS)
    return ALL_PERMISSIONS;
  let permissions = input.base;
  const everyone = input.overwrites.find((o) => o.type === OVERWRITE_ROLE && o.targetId === input.guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  const roleIds = new Set(input.memberRoleIds);
  for (const overwrite of input.overwrites) {
    if (
      overwrite.type === OVERWRITE_ROLE &&
      overwrite.targetId !== input.guildId &&
      roleIds.has(overwrite.targetId)
    ) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const member = input.overwrites.find((o) => o.type === OVERWRITE_MEMBER && o.targetId === input.userId);
  if (member) permissions = (permissions & ~member.deny) | member.allow;
  return permissions;
}

export function hasPermission(permissions: bigint, needed: bigint): boolean {
  return (permissions & needed) === needed;
}
