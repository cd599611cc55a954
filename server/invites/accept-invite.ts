// POST /invites/{code}: join the guild or group DM. Every rule is checked in the accept's order (live →
// invites paused → already a member: 200, no use counted → banned → guild cap → join) by one call of the
// database function accept_invite (migration 20261130400000_accept_invite_function says how). It counts the
// use with a conditional UPDATE and writes the member in the same statement, so N concurrent accepts of a
// max_uses k invite admit exactly k users on PGlite and PostgreSQL alike, and a viral link's joins hold the
// guild's row for a few writes and a commit rather than a conversation of round trips.
import { ApiError, type ErrorCode } from "@/lib/errors";
import { isLookupCode } from "@/lib/invite-code";
import { countJoin } from "@/server/analytics/counters";
import { db } from "@/server/db";
import { toInviteDto } from "@/server/dto/invite";
import { toMemberDto } from "@/server/dto/member";
import { publishEvent } from "@/server/events/publish";
import { acceptTogether, type AcceptRow } from "./accept-queue";
import { canSeeInviteMetadata, canSeeMetadataOf } from "./invite-access";
import type { Caller } from "@/server/auth/caller";

export const REFUSALS: Partial<Record<AcceptRow["outcome"], ErrorCode>> = {
  unknown: "UNKNOWN_INVITE",
  paused: "INVITES_DISABLED",
  banned: "USER_BANNED_FROM_GUILD",
  max_guilds: "MAX_GUILDS",
  max_recipients: "MAX_GROUP_DM_RECIPIENTS",
};

/** The names and colours of the roles the invite gave, highest first; no query for an invite without roles. */
async function invitedRoles(roleIds: bigint[]) {
  if (roleIds.length === 0) return [];
  const roles = await (
    await db()
  ).role.findMany({
    where: { id: { in: roleIds } },
    select: { id: true, name: true, color: true },
    orderBy: [{ position: "desc" }, { id: "asc" }],
  });
  return roles.map((role) => ({ role }));
}

/** The row in the shape the invite DTO reads. */
function toInviteRow(row: AcceptRow & { code: string }, roles: Awaited<ReturnType<typeof invitedRoles>>) {
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
    flags: row.flags ?? 0,
    roles,
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
    channel: {
      id: row.channel_id,
      name: row.channel_name,
      type: row.channel_type,
      recipients: (row.recipients ?? []).map((username) => ({ user: { username } })),
    },
    inviter:
      row.inviter_id === null || row.inviter_username === null
        ? null
        : {
            id: row.inviter_id,
            username: row.inviter_username,
            discriminator: row.inviter_discriminator ?? 0,
            avatarHash: row.inviter_avatar_hash,
            isBot: row.inviter_is_bot ?? false,
          },
  };
}

/** Whether the caller, now a member or recipient, may see uses, max_uses and max_age. */
async function mayShowMetadata(row: AcceptRow, caller: Caller): Promise<boolean> {
  // Someone already in may hold roles: asked the usual way. A new member has none, so the statement's
  // @everyone permissions and overwrites decide.
  if (row.outcome === "already")
    return canSeeInviteMetadata(
      {
        type: row.type,
        channelId: row.channel_id,
        inviterId: row.inviter_id,
        channel: { ownerId: row.channel_owner_id },
      },
      caller,
    );
  return canSeeMetadataOf({
    userId: caller.id,
    inviterId: row.inviter_id,
    guildId: row.guild_id,
    channelOwnerId: row.channel_owner_id,
    guildOwnerId: row.guild_owner_id,
    everyonePermissions: row.everyone_permissions,
    roles: [],
    overwrites: (row.overwrites ?? []).map((o) => ({
      targetId: BigInt(o.target_id),
      type: o.type,
      allow: BigInt(o.allow),
      deny: BigInt(o.deny),
    })),
  });
}

/**
 * After the commit of a join: counts it for the invite's analytics and tells every instance (GUILD_MEMBER_ADD,
 * which also drops cached previews of the guild's counts). Nothing for any other outcome.
 */
export async function announceJoin(row: AcceptRow, user: Parameters<typeof toMemberDto>[0]["user"]) {
  if (row.outcome !== "joined" || row.code === null) return;
  countJoin(row.code); // invite analytics: a join of this invite's own code
  if (row.guild_id !== null && row.joined_at !== null) {
    // The member object as the members API returns it, from what the statement wrote: no read back.
    const member = toMemberDto({
      userId: user.id,
      nick: null,
      joinedAt: row.joined_at,
      temporary: row.temporary,
      user,
      roles: (row.role_ids ?? []).map((roleId) => ({ roleId })),
    });
    // On PostgreSQL the statement sent it already, in its own transaction (durable, in commit order).
    await publishEvent(
      { type: "GUILD_MEMBER_ADD", guildId: row.guild_id, userId: user.id, data: member },
      { sentByTransaction: row.notified },
    );
  }
}

export async function acceptInvite(code: string, caller: Caller) {
  if (!isLookupCode(code)) throw new ApiError("UNKNOWN_INVITE");
  const row = await acceptTogether(code, caller.id);
  const refusal = REFUSALS[row.outcome];
  if (refusal || row.code === null) throw new ApiError(refusal ?? "UNKNOWN_INVITE");
  await announceJoin(row, caller);
  // Someone already a member who was given roles hears of it nowhere else: the project has no member-update
  // event yet, and the roles show in the members API and the answer below.
  return toInviteDto(toInviteRow({ ...row, code: row.code }, await invitedRoles(row.role_ids ?? [])), {
    withCounts: true,
    withExpiration: true,
    withMetadata: await mayShowMetadata(row, caller),
    presenceCount: row.presence_count ?? 0,
  });
}
