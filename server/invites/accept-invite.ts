// POST /invites/{code}: join the guild or group DM. Every rule is checked in the accept's order (live →
// invites paused → already a member: 200, no use counted → banned → guild cap → join) by one call of the
// database function accept_invite (migration 20261130400000_accept_invite_function says how). It counts the
// use with a conditional UPDATE and writes the member in the same statement, so N concurrent accepts of a
// max_uses k invite admit exactly k users on PGlite and PostgreSQL alike, and a viral link's joins hold the
// guild's row for a few writes and a commit rather than a conversation of round trips.
import { JoinSourceType, LIMITS } from "@/lib/constants";
import { ApiError, type ErrorCode } from "@/lib/errors";
import { isLookupCode } from "@/lib/invite-code";
import type { Caller } from "@/server/auth/caller";
import { db, type PrismaClient } from "@/server/db";
import { toInviteDto } from "@/server/dto/invite";
import { toMemberDto } from "@/server/dto/member";
import { publishEvent } from "@/server/events/publish";
import { canSeeMetadataOf } from "./invite-access";

const MAX_ATTEMPTS = 5;

/** One row of accept_invite: the outcome, the invite as it now is, and what its answer needs. */
type AcceptRow = {
  outcome: "unknown" | "paused" | "already" | "banned" | "max_guilds" | "max_recipients" | "joined";
  code: string;
  type: number;
  guild_id: bigint | null;
  channel_id: bigint;
  inviter_id: bigint | null;
  created_at: Date;
  expires_at: Date | null;
  uses: number;
  max_uses: number;
  max_age: number;
  temporary: boolean;
  is_vanity: boolean;
  version: number;
  guild_name: string | null;
  guild_icon_hash: string | null;
  guild_banner_hash: string | null;
  guild_splash_hash: string | null;
  guild_features: string[] | null;
  guild_owner_id: bigint | null;
  member_count: number | null;
  presence_count: number | null;
  channel_name: string | null;
  channel_type: number;
  channel_owner_id: bigint | null;
  recipients: string[] | null;
  inviter_username: string | null;
  inviter_discriminator: number | null;
  inviter_avatar_hash: string | null;
  inviter_is_bot: boolean | null;
  joined_at: Date | null;
  everyone_permissions: bigint | null;
  role_ids: bigint[] | null;
  role_permissions: bigint[] | null;
  overwrites: { target_id: string; type: number; allow: string; deny: string }[] | null;
};

const REFUSALS: Partial<Record<AcceptRow["outcome"], ErrorCode>> = {
  unknown: "UNKNOWN_INVITE",
  paused: "INVITES_DISABLED",
  banned: "USER_BANNED_FROM_GUILD",
  max_guilds: "MAX_GUILDS",
  max_recipients: "MAX_GROUP_DM_RECIPIENTS",
};

/** The message accept_invite raised to roll a counted use back, if that is what `error` is. */
function raisedByAccept(error: unknown): string | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { message?: unknown } } } })?.meta?.driverAdapterError?.cause;
  const message = typeof cause?.message === "string" ? cause.message : "";
  return message.startsWith("accept_invite: ") ? message.slice("accept_invite: ".length) : null;
}

async function callAccept(prisma: PrismaClient, code: string, userId: bigint): Promise<AcceptRow> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await prisma.$queryRaw<AcceptRow[]>`
        SELECT * FROM accept_invite(${code}::text, ${userId}::bigint, ${LIMITS.MAX_GUILDS_PER_USER}::int,
          ${LIMITS.MAX_GROUP_DM_RECIPIENTS}::int, ${JoinSourceType.INVITE}::int, ${JoinSourceType.VANITY_URL}::int)`;
      if (!row) throw new Error("accept_invite returned no row");
      return row;
    } catch (error) {
      const raised = raisedByAccept(error);
      if (raised === "max_guilds") throw new ApiError("MAX_GUILDS");
      // The member row appeared after the use was counted (rolled back): the next call answers "already".
      if (raised === "retry" && attempt < MAX_ATTEMPTS) continue;
      if (raised === "retry") throw new ApiError("CONFLICT");
      throw error;
    }
  }
}

/** The row in the shape the invite DTO reads. */
function toInviteRow(row: AcceptRow) {
  return {
    code: row.code,
    type: row.type,
    guildId: row.guild_id,
    channelId: row.channel_id,
    inviterId: row.inviter_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    uses: row.uses,
    maxUses: row.max_uses,
    maxAge: row.max_age,
    temporary: row.temporary,
    version: row.version,
    guild:
      row.guild_id === null || row.guild_name === null
        ? null
        : {
            id: row.guild_id,
            name: row.guild_name,
            iconHash: row.guild_icon_hash,
            bannerHash: row.guild_banner_hash,
            splashHash: row.guild_splash_hash,
            features: row.guild_features ?? [],
            ownerId: row.guild_owner_id ?? 0n,
            memberCount: row.member_count ?? 0,
          },
    channel: { id: row.channel_id, name: row.channel_name, type: row.channel_type, recipients: (row.recipients ?? []).map((username) => ({ user: { username } })) },
    inviter:
      row.inviter_id === null || row.inviter_username === null
        ? null
        : { id: row.inviter_id, username: row.inviter_username, discriminator: row.inviter_discriminator ?? 0, avatarHash: row.inviter_avatar_hash, isBot: row.inviter_is_bot ?? false },
  };
}

/** Whether the caller, now a member or recipient, may see uses, max_uses and max_age. */
function mayShowMetadata(row: AcceptRow, caller: Caller): boolean {
  return canSeeMetadataOf({
    userId: caller.id,
    inviterId: row.inviter_id,
    guildId: row.guild_id,
    channelOwnerId: row.channel_owner_id,
    guildOwnerId: row.guild_owner_id,
    everyonePermissions: row.everyone_permissions,
    roles: (row.role_ids ?? []).map((id, i) => ({ id, permissions: row.role_permissions?.[i] ?? 0n })),
    overwrites: (row.overwrites ?? []).map((o) => ({ targetId: BigInt(o.target_id), type: o.type, allow: BigInt(o.allow), deny: BigInt(o.deny) })),
  });
}

export async function acceptInvite(code: string, caller: Caller) {
  if (!isLookupCode(code)) throw new ApiError("UNKNOWN_INVITE");
  const row = await callAccept(await db(), code, caller.id);
  const refusal = REFUSALS[row.outcome];
  if (refusal) throw new ApiError(refusal);
  if (row.outcome === "joined" && row.guild_id !== null && row.joined_at !== null) {
    // The member object as the members API returns it, from what the statement wrote: no read back.
    const member = toMemberDto({
      userId: caller.id,
      nick: null,
      joinedAt: row.joined_at,
      temporary: row.temporary,
      joinSourceType: row.is_vanity ? JoinSourceType.VANITY_URL : JoinSourceType.INVITE,
      sourceInviteCode: row.code,
      inviterId: row.inviter_id,
      user: caller,
      roles: [],
    });
    await publishEvent({ type: "GUILD_MEMBER_ADD", guildId: row.guild_id, userId: caller.id, data: member });
  }
  return toInviteDto(toInviteRow(row), {
    withCounts: true,
    withExpiration: true,
    withMetadata: mayShowMetadata(row, caller),
    presenceCount: row.presence_count ?? 0,
  });
}
