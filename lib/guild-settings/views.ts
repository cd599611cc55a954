// What the guild settings pages are rendered from: loaded by server/guild-settings/, drawn by
// components/guild-settings/.
import type { PickerChannel } from "@/lib/channels";

export type SettingsChannel = {
  id: string;
  name: string;
  type: number;
  /** The name of the category it is in, or null. */
  category: string | null;
  /** MANAGE_CHANNELS here after overwrites: may list and revoke this channel's invites. */
  canManage: boolean;
  /** VIEW_CHANNEL and CREATE_INSTANT_INVITE here, and a channel type that takes invites. */
  canInvite: boolean;
};

export type SettingsAccess = {
  guild: { id: string; name: string; iconHash: string | null; bannerHash: string | null; features: string[] };
  guildId: bigint;
  viewerId: bigint;
  canManageGuild: boolean;
  canViewActivity: boolean;
  /** Invites are paused: until someone resumes (INVITES_DISABLED), or for a while (a timed pause). */
  isPaused: boolean;
  /** When a timed pause ends (ISO); null when not paused or paused until someone resumes. */
  pausedUntil: string | null;
  hasVanityFeature: boolean;
  /** The guild's channels (no categories), in the guild's order (lib/channels.ts), with what the viewer may do in each. */
  channels: SettingsChannel[];
  /** Roles the viewer may put on an invite (MANAGE_ROLES, below their highest, no @everyone), highest first. */
  grantableRoles: RoleOption[];
};

/** A role as the invite dialogs offer it. */
export type RoleOption = { id: string; name: string; color: number };

export type InviteRowView = {
  code: string;
  url: string;
  channel: { id: string; name: string; type: number };
  inviter: { id: string; username: string; discriminator: number } | null;
  uses: number;
  maxUses: number;
  maxAge: number;
  expiresAt: string | null;
  createdAt: string;
  temporary: boolean;
  /** The roles accepting gives, highest first, and their ids in the same order. */
  roles: string[];
  roleIds: string[];
  /** How many people a targeted invite is for; null for an invite anyone with the link may use. */
  targetCount: number | null;
  /** The version read with it: an edit is saved only while the invite is still at it. */
  version: number;
  /** The inviter, or MANAGE_CHANNELS on the invite's channel (what DELETE and PATCH /invites/{code} require). */
  canRevoke: boolean;
};

export type InviteFilters = { channel: string | null; inviter: string | null };

export type InviteListView = {
  invites: InviteRowView[];
  /** Live invites before filtering. */
  total: number;
  /** The channels the filter offers: those whose invites the viewer sees, in the guild's order. */
  channelOptions: PickerChannel[];
  inviterOptions: { id: string; username: string }[];
  filters: InviteFilters;
};

type Actor = { username: string; discriminator: number } | null;

export type ActivityEvent =
  /** `channel` in words ("#general", "Lounge (voice)", "a deleted channel"). */
  | {
      kind: "invite-created";
      code: string;
      channel: string;
      maxAge: number;
      maxUses: number;
      temporary: boolean;
    }
  | { kind: "invite-revoked"; code: string; channel: string }
  | { kind: "vanity-changed"; from: string | null; to: string | null }
  | { kind: "invites-paused" }
  | { kind: "invites-resumed" };

export type ActivityItem = {
  id: string;
  actor: Actor;
  reason: string | null;
  createdAt: string;
  event: ActivityEvent;
};
