export const ChannelType = { GUILD_TEXT: 0, DM: 1, GUILD_VOICE: 2, GROUP_DM: 3, GUILD_CATEGORY: 4 } as const;

export const InviteType = { GUILD: 0, GROUP_DM: 1 } as const;

export const JoinSourceType = { CREATED: 0, INVITE: 1, VANITY_URL: 2, ADDED: 3 } as const;

export const AuditLogAction = { GUILD_UPDATE: 1, INVITE_CREATE: 40, INVITE_DELETE: 42 } as const;

export const LIMITS = {
  MAX_GUILDS_PER_USER: 100,
  MAX_INVITES_PER_GUILD: 1000,
  MAX_GROUP_DM_RECIPIENTS: 10,
} as const;

export const GUILD_FEATURES = ["VANITY_URL", "VERIFIED", "INVITE_SPLASH", "BANNER", "INVITES_DISABLED", "PARTNERED", "COMMUNITY"] as const;
