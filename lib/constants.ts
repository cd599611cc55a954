export const ChannelType = { GUILD_TEXT: 0, DM: 1, GUILD_VOICE: 2, GROUP_DM: 3, GUILD_CATEGORY: 4 } as const;

/** Channel types an invite can point at: a guild's text and voice channels, and group DMs. */
export const INVITABLE_CHANNEL_TYPES: ReadonlySet<number> = new Set([
  ChannelType.GUILD_TEXT,
  ChannelType.GUILD_VOICE,
  ChannelType.GROUP_DM,
]);

export const InviteType = { GUILD: 0, GROUP_DM: 1 } as const;

/** Fluxer's invite flags. IS_TARGETED: only the users on the invite's target list may see or accept it. */
export const InviteFlags = { IS_TARGETED: 1 << 1 } as const;

/**
 * Why a membership exists, recorded when it is created and never rewritten (Fluxer's values; 5 is unassigned).
 * BOT_INVITE: a bot added by a guild manager. ADMIN_FORCE_ADD: an instance admin added the account without
 * managing the guild (people can only be added that way). DISCOVERY is Fluxer's; nothing here joins that way.
 */
export const JoinSourceType = {
  CREATOR: 0,
  INSTANT_INVITE: 1,
  VANITY_URL: 2,
  BOT_INVITE: 3,
  ADMIN_FORCE_ADD: 4,
  DISCOVERY: 6,
} as const;

export const AuditLogAction = {
  GUILD_UPDATE: 1,
  CHANNEL_CREATE: 10,
  CHANNEL_OVERWRITE_CREATE: 13,
  CHANNEL_OVERWRITE_UPDATE: 14,
  CHANNEL_OVERWRITE_DELETE: 15,
  MEMBER_KICK: 20,
  MEMBER_BAN_ADD: 22,
  MEMBER_BAN_REMOVE: 23,
  MEMBER_ROLE_UPDATE: 25,
  BOT_ADD: 28,
  ROLE_CREATE: 30,
  ROLE_UPDATE: 31,
  INVITE_CREATE: 40,
  INVITE_UPDATE: 41,
  INVITE_DELETE: 42,
} as const;

export const LIMITS = {
  MAX_GUILDS_PER_USER: 100,
  MAX_INVITES_PER_GUILD: 1000,
  MAX_GROUP_DM_RECIPIENTS: 10,
  /** Roles one invite may grant. */
  MAX_INVITE_ROLES: 10,
  /** Users on one targeted invite's list, and ids in one request that sets or changes it. */
  MAX_INVITE_TARGETS: 1000,
  /** Days a vanity code a guild gave up stays reserved for that guild (old links can't be hijacked). */
  VANITY_CODE_LOCK_DAYS: 30,
} as const;

export const GUILD_FEATURES = [
  "VANITY_URL",
  "VERIFIED",
  "INVITE_SPLASH",
  "BANNER",
  "INVITES_DISABLED",
  "PARTNERED",
  "COMMUNITY",
] as const;
