// What the guild page shows: the guild, the channels the viewer may see, the members with their roles. Loaded
// by server/guilds/get-guild-overview.ts, drawn by components/guilds/.

export type OverviewChannel = { id: string; name: string; type: number };
export type OverviewChannelGroup = { category: OverviewChannel | null; channels: OverviewChannel[] };
export type OverviewRole = { id: string; name: string; color: number; position: number };
export type OverviewMember = {
  userId: string;
  username: string;
  discriminator: number;
  nick: string | null;
  isBot: boolean;
  isOwner: boolean;
  roles: OverviewRole[];
};

export type GuildOverview = {
  guild: {
    id: string;
    name: string;
    iconHash: string | null;
    bannerHash: string | null;
    features: string[];
    memberCount: number;
    isOwner: boolean;
  };
  channelGroups: OverviewChannelGroup[];
  members: OverviewMember[];
  canManage: boolean;
  /** The viewer's own membership: when and how they joined. */
  membership: { joinedAt: Date; joinSourceType: number };
};
