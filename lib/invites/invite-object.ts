// The invite object on the wire (GET /invites/{code} and every route that answers an invite), as a type the
// browser code may import: the landing card reads it, and server/dto/invite.ts is checked against it.

/** The partial guild an invite carries. */
export type PartialGuildObject = {
  id: string;
  name: string;
  icon_hash: string | null;
  banner_hash: string | null;
  splash_hash: string | null;
  features: string[];
};

/** The public partial user (the inviter): never email or anything private. */
export type PartialUserObject = {
  id: string;
  username: string;
  discriminator: number;
  avatar_hash: string | null;
  bot?: boolean;
};

type ChannelFields = { id: string; name: string | null; type: number };
/** The invite's channel; a group DM's lists its recipients by name. */
export type InviteChannelObject = ChannelFields | (ChannelFields & { recipients: { username: string }[] });

/** A role the invite gives on accept. Roles have no icons here yet, so `icon_hash` is always null. */
export type InviteRoleObject = { id: string; name: string; color: number; icon_hash: string | null };

export type InviteObject = {
  code: string;
  type: number;
  guild: PartialGuildObject | null;
  guild_id: string | null;
  channel: InviteChannelObject;
  channel_id: string;
  inviter: PartialUserObject | null;
  inviter_id: string | null;
  created_at: string;
  /** With `with_expiration`. */
  expires_at?: string | null;
  /** Metadata: only for callers who may see it. */
  uses?: number;
  max_uses?: number;
  max_age?: number;
  temporary: boolean;
  /** With `with_counts`. */
  approximate_member_count?: number;
  approximate_presence_count?: number;
  /** InviteFlags bits (1 << 1 IS_TARGETED). */
  flags: number;
  /** The roles given on accept, highest first; empty when none. */
  roles: InviteRoleObject[];
  version: number;
};
