type GuildRow = {
  id: bigint;
  name: string;
  iconHash: string | null;
  bannerHash: string | null;
  splashHash: string | null;
  features: string[];
  ownerId: bigint;
  memberCount: number;
  /** Timed pauses (incident actions); rows read without them (an accept's answer) show none. */
  invitesDisabledUntil?: Date | null;
  dmsDisabledUntil?: Date | null;
};

/** A pause time that is still ahead of `now`, as ISO text; a time that has passed is a pause that ended. */
function stillAhead(until: Date | null | undefined, now: number): string | null {
  return until && until.getTime() > now ? until.toISOString() : null;
}

/**
 * Discord's incidents data object. The two detection times are never set here (no raid or spam detection),
 * so they are always null; a pause whose time has passed reads as null, since it has ended.
 */
export function toIncidentsDataDto(
  guild: Pick<GuildRow, "invitesDisabledUntil" | "dmsDisabledUntil">,
  now = Date.now(),
) {
  return {
    invites_disabled_until: stillAhead(guild.invitesDisabledUntil, now),
    dms_disabled_until: stillAhead(guild.dmsDisabledUntil, now),
    raid_detected_at: null,
    dm_spam_detected_at: null,
  };
}

/** Whether a timed pause of the guild's invites is running at `now`. */
export function isTimedPauseActive(guild: Pick<GuildRow, "invitesDisabledUntil">, now = Date.now()): boolean {
  return stillAhead(guild.invitesDisabledUntil, now) !== null;
}

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

/**
 * The guild object. `features` are the stored ones (a timed pause never adds INVITES_DISABLED here, so a
 * client that sends the list back can't turn a timed pause into an indefinite one); the timed pause is in
 * `incidents_data`.
 */
export function toGuildDto(guild: GuildRow) {
  return {
    ...toPartialGuildDto(guild),
    owner_id: guild.ownerId.toString(),
    member_count: guild.memberCount,
    incidents_data: toIncidentsDataDto(guild),
  };
}

/**
 * The partial guild an invite carries: while a timed pause runs, `features` include INVITES_DISABLED, as
 * the indefinite pause shows it, so whoever previews the invite (the landing page, a client) sees that
 * accepting it is refused without learning a second field.
 */
export function toInviteGuildDto(guild: GuildRow, now = Date.now()) {
  const partial = toPartialGuildDto(guild);
  if (!isTimedPauseActive(guild, now) || partial.features.includes("INVITES_DISABLED")) return partial;
  return { ...partial, features: [...partial.features, "INVITES_DISABLED"].sort() };
}

type ChannelRow = {
  id: bigint;
  type: number;
  guildId: bigint | null;
  name: string | null;
  position: number;
  parentId: bigint | null;
};

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
  return {
    id: role.id.toString(),
    name: role.name,
    permissions: role.permissions.toString(),
    position: role.position,
    color: role.color,
  };
}
