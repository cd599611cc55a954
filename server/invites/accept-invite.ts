// POST /invites/{code}: join the guild or group DM (spec section 6). Checks in the spec's order: live →
// invites paused → already a member (200, no use counted) → banned → guild cap → join. The use is counted
// by a conditional UPDATE in the same transaction as the member row, so N concurrent accepts of a
// max_uses k invite admit exactly k users on PGlite and PostgreSQL alike.
import { JoinSourceType, LIMITS } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import type { Caller } from "@/server/auth/caller";
import { db, type PrismaClient, type Tx } from "@/server/db";
import { addMembership } from "@/server/members/membership";
import { findLiveInvite } from "./find-live-invite";
import { canSeeInviteMetadata } from "./invite-access";
import { inviteInclude, liveInviteWhere, type InviteWithRelations } from "./invite-query";
import { inviteResponse } from "./invite-response";
import { lockChannel, lockGuild, lockUser, WRITE_TX_OPTIONS } from "@/server/db/row-locks";

const MAX_ATTEMPTS = 5;

type Outcome =
  | { kind: "joined" | "already"; invite: InviteWithRelations }
  | { kind: "moved" } // the row changed between our read and our update: read again and retry
  | { kind: "gone" }; // lapsed or deleted meanwhile

/** Thrown inside the transaction to roll back the counted use (e.g. a double click inserted the member first). */
class RollBack extends Error {
  constructor(readonly outcome: Outcome) {
    super("roll back");
  }
}

/** Counts one use if the row is still at `version`, live and under its limit; false when no row matched. */
async function countUse(tx: Tx, invite: { code: string; version: number }): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE invites SET uses = uses + 1, version = version + 1
    WHERE code = ${invite.code} AND version = ${invite.version}
      AND (max_uses = 0 OR uses < max_uses)
      AND (expires_at IS NULL OR expires_at > now())`;
  return updated === 1;
}

async function readInvite(tx: Tx, code: string) {
  return tx.invite.findFirst({ where: { code, ...liveInviteWhere(tx) }, include: inviteInclude });
}

async function joinGuild(tx: Tx, code: string, guildId: bigint, userId: bigint): Promise<Outcome> {
  await lockGuild(tx, guildId);
  const invite = await readInvite(tx, code);
  if (!invite) return { kind: "gone" };
  if (await tx.member.findUnique({ where: { guildId_userId: { guildId, userId } } })) return { kind: "already", invite };
  await lockUser(tx, userId); // the guild cap is per user: serialise one user's joins
  if (!(await countUse(tx, invite))) return { kind: "moved" };
  // Checks the ban and the guild cap, inserts ON CONFLICT DO NOTHING and raises member_count; a throw
  // here rolls the counted use back with everything else.
  const added = await addMembership(tx, {
    guildId,
    userId,
    temporary: invite.temporary,
    joinSourceType: invite.isVanity ? JoinSourceType.VANITY_URL : JoinSourceType.INVITE,
    sourceInviteCode: invite.code,
    inviterId: invite.inviterId,
  });
  if (!added) throw new RollBack({ kind: "already", invite }); // a concurrent click inserted the member first
  return { kind: "joined", invite: await tx.invite.findUniqueOrThrow({ where: { code }, include: inviteInclude }) };
}

async function joinGroupDm(tx: Tx, code: string, channelId: bigint, userId: bigint): Promise<Outcome> {
  if (!(await lockChannel(tx, channelId))) return { kind: "gone" };
  const invite = await readInvite(tx, code);
  if (!invite) return { kind: "gone" };
  if (invite.channel.recipients.some((r) => r.userId === userId)) return { kind: "already", invite };
  if (invite.channel.recipients.length >= LIMITS.MAX_GROUP_DM_RECIPIENTS) throw new ApiError("MAX_GROUP_DM_RECIPIENTS");
  if (!(await countUse(tx, invite))) return { kind: "moved" };
  const inserted = await tx.channelRecipient.createMany({ data: [{ channelId, userId }], skipDuplicates: true });
  if (inserted.count === 0) throw new RollBack({ kind: "already", invite });
  return { kind: "joined", invite: await tx.invite.findUniqueOrThrow({ where: { code }, include: inviteInclude }) };
}

async function attempt(prisma: PrismaClient, invite: InviteWithRelations, userId: bigint): Promise<Outcome> {
  try {
    return await prisma.$transaction(
      (tx) => (invite.guildId === null ? joinGroupDm(tx, invite.code, invite.channelId, userId) : joinGuild(tx, invite.code, invite.guildId, userId)),
      WRITE_TX_OPTIONS,
    );
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

export async function acceptInvite(code: string, caller: Caller) {
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite) throw new ApiError("UNKNOWN_INVITE");
  if (invite.guild?.features.includes("INVITES_DISABLED")) throw new ApiError("INVITES_DISABLED");
  for (let round = 1; round <= MAX_ATTEMPTS; round++) {
    const outcome = await attempt(prisma, invite, caller.id);
    if (outcome.kind === "gone") throw new ApiError("UNKNOWN_INVITE");
    if (outcome.kind === "moved") continue;
    return inviteResponse(outcome.invite, {
      withCounts: true,
      withExpiration: true,
      withMetadata: await canSeeInviteMetadata(outcome.invite, caller, prisma),
    });
  }
  throw new ApiError("CONFLICT");
}
