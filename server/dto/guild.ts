type GuildRow = {
  id: bigint;
  name: string;
  iconHash: string | null;
  bannerHash: string | null;
  splashHash: string | null;
  features: string[];
  ownerId: bigint;
  memberCount: number;
};

/** The partial guild carried by an invite. */
export function toPartialGuildDto(guild: GuildRow) {
  return {
    id: guild.id.toString(),
    name: guild.name,
    icon_hash: guild.iconHash,
    banner_hash: guild.bannerHash,
    splash_hash: guild.splashHash,
    features: [...guild.features].sort(),
  };
}

export function toGuildDto(guild: GuildRow) {
  return { ...toPartialGuildDto(guild), owner_id: guild.ownerId.toString(), member_count: guild.memberCount };
}

type ChannelRow = { id: bigint; type: number; guildId: bigint | null; name: string | null; position: number; parentId: bigint | null };

export function toChannelDto(channel: ChannelRow) {
  return {
    id: channel.id.toString(),
    type: channel.type,
    guild_id: channel.guildId?.toString() ?? null,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId?.toString() ?? null,
  };
}

type RoleRow = { id: bigint; name: string; permissions: bigint; position: number; color: number };

export function toRoleDto(role: RoleRow) {
  return { id: role.id.toString(), name: role.name, permissions: role.permissions.toString(), position: role.position, color: role.color };
}
