// The target list of a targeted invite: GET /invites/{code}/target-users (ids, ascending, paginated),
// PUT|DELETE /invites/{code}/target-users/{user_id}, POST .../bulk-add and .../bulk-delete (up to 1000 ids).
// By the inviter or MANAGE_GUILD on the guild; to anyone who may not see the invite it is unknown (404).
// Ids are kept as given: one with no account is stored and simply never matches anyone. A list holds at
// most 1000 users, counted under the invite's row lock so two concurrent adds can't pass it together.
// Every change is published as INVITE_UPDATE, which drops the code's cached previews and kept landing pages
// on every instance (a targeted invite is never cached, but the drop costs nothing and keeps the rule simple),
// and tells the guild's managers' streams (their invite table shows the list's size).
import { LIMITS } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { db, type Tx } from "@/server/db";
import { WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { findLiveInvite } from "./find-live-invite";
import { inviteResponse } from "./invite-response";
import { canManageTargets, canSeeInvite, isTargeted } from "./invite-target-access";
import type { InviteWithRelations } from "./invite-query";
import type { ListInviteTargetUsersQuery } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";

/** The live, non-vanity invite whose list the caller may manage. */
async function loadManagedInvite(code: string, caller: Caller): Promise<InviteWithRelations> {
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite || invite.isVanity || !(await canSeeInvite(invite, caller, prisma)))
    throw new ApiError("UNKNOWN_INVITE");
  if (!(await canManageTargets(invite, caller, prisma))) throw new ApiError("MISSING_PERMISSIONS");
  return invite;
}

async function lockInvite(tx: Tx, code: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ code: string }[]>`
    SELECT code FROM invites WHERE code = ${code} FOR NO KEY UPDATE`;
  return rows.length > 0;
}

async function published(invite: InviteWithRelations) {
  await publishEvent({
    type: "INVITE_UPDATE",
    guildId: invite.guildId,
    channelId: invite.channelId,
    data: await inviteResponse(invite, { withExpiration: true, withMetadata: true }),
  });
}

export async function listInviteTargets(
  code: string,
  caller: Caller,
  query: ListInviteTargetUsersQuery,
): Promise<string[]> {
  const invite = await loadManagedInvite(code, caller);
  const rows = await (
    await db()
  ).inviteTargetUser.findMany({
    where: { inviteCode: invite.code, ...(query.after !== undefined ? { userId: { gt: query.after } } : {}) },
    orderBy: { userId: "asc" },
    take: query.limit,
    select: { userId: true },
  });
  return rows.map((row) => row.userId.toString());
}

export async function addInviteTargets(code: string, caller: Caller, userIds: bigint[]): Promise<void> {
  const invite = await loadManagedInvite(code, caller);
  if (!isTargeted(invite))
    throw invalidField(
      "user_ids",
      "INVITE_NOT_TARGETED",
      "This invite is for everyone; create one with target_user_ids to limit it to specific people",
    );
  const distinct = [...new Set(userIds)];
  const added = await (
    await db()
  ).$transaction(async (tx) => {
    if (!(await lockInvite(tx, invite.code))) throw new ApiError("UNKNOWN_INVITE");
    const { count } = await tx.inviteTargetUser.createMany({
      data: distinct.map((userId) => ({ inviteCode: invite.code, userId })),
      skipDuplicates: true,
    });
    if (
      count > 0 &&
      (await tx.inviteTargetUser.count({ where: { inviteCode: invite.code } })) > LIMITS.MAX_INVITE_TARGETS
    )
      throw invalidField(
        "user_ids",
        "MAX_INVITE_TARGETS",
        `A targeted invite is for at most ${LIMITS.MAX_INVITE_TARGETS} users`,
      );
    return count;
  }, WRITE_TX_OPTIONS);
  if (added > 0) await published(invite);
}

export async function removeInviteTargets(code: string, caller: Caller, userIds: bigint[]): Promise<void> {
  const invite = await loadManagedInvite(code, caller);
  const { count } = await (
    await db()
  ).inviteTargetUser.deleteMany({
    where: { inviteCode: invite.code, userId: { in: [...new Set(userIds)] } },
  });
  if (count > 0) await published(invite);
}
