// The target list of a targeted invite: GET /invites/{code}/target-users (ids, ascending, paginated),
// PUT|DELETE /invites/{code}/target-users/{user_id}, POST .../bulk-add and .../bulk-delete (up to 1000 ids).
// By the inviter or MANAGE_GUILD on the guild; to anyone who may not see the invite it is unknown (404).
// Ids are kept as given: one with no account is stored and simply never matches anyone. A list holds at
// most 1000 users, counted under the invite's row lock so two concurrent adds can't pass it together.
// Every change is recorded in the audit log as INVITE_UPDATE (keys `target_user_ids_added` and
// `target_user_ids_removed`: the ids that really joined or left the list, ascending) with the request's
// X-Audit-Log-Reason, in the change's own transaction, and published as INVITE_UPDATE, which drops the code's cached previews and kept landing pages
// on every instance (a targeted invite is never cached, but the drop costs nothing and keeps the rule simple),
// and tells the guild's managers' streams (their invite table shows the list's size).
import { AuditLogAction, LIMITS } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { ascendingIds } from "@/lib/snowflake";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
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

/** The ids of `userIds` that are (or are not) on the invite's list now, ascending. */
async function onList(tx: Tx, code: string, userIds: bigint[]): Promise<Set<bigint>> {
  const rows = await tx.inviteTargetUser.findMany({
    where: { inviteCode: code, userId: { in: userIds } },
    select: { userId: true },
  });
  return new Set(rows.map((row) => row.userId));
}

async function recordTargetChange(
  tx: Tx,
  invite: InviteWithRelations,
  caller: Caller,
  reason: string | null,
  key: "target_user_ids_added" | "target_user_ids_removed",
  ids: bigint[],
) {
  if (invite.guildId === null || ids.length === 0) return;
  await recordAuditLog(tx, {
    guildId: invite.guildId,
    actionType: AuditLogAction.INVITE_UPDATE,
    userId: caller.id,
    targetId: invite.code,
    reason,
    changes: [
      key === "target_user_ids_added"
        ? { key, new_value: ascendingIds(ids) }
        : { key, old_value: ascendingIds(ids) },
    ],
  });
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

export async function addInviteTargets(
  code: string,
  caller: Caller,
  userIds: bigint[],
  reason: string | null = null,
): Promise<void> {
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
    // Under the row lock, what is already on the list stays so until this transaction ends.
    const present = await onList(tx, invite.code, distinct);
    const fresh = distinct.filter((userId) => !present.has(userId));
    if (fresh.length === 0) return 0;
    const { count } = await tx.inviteTargetUser.createMany({
      data: fresh.map((userId) => ({ inviteCode: invite.code, userId })),
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
    await recordTargetChange(tx, invite, caller, reason, "target_user_ids_added", fresh);
    return count;
  }, WRITE_TX_OPTIONS);
  if (added > 0) await published(invite);
}

export async function removeInviteTargets(
  code: string,
  caller: Caller,
  userIds: bigint[],
  reason: string | null = null,
): Promise<void> {
  const invite = await loadManagedInvite(code, caller);
  const removed = await (
    await db()
  ).$transaction(async (tx) => {
    if (!(await lockInvite(tx, invite.code))) throw new ApiError("UNKNOWN_INVITE");
    const present = [...(await onList(tx, invite.code, [...new Set(userIds)]))];
    if (present.length === 0) return 0;
    const { count } = await tx.inviteTargetUser.deleteMany({
      where: { inviteCode: invite.code, userId: { in: present } },
    });
    await recordTargetChange(tx, invite, caller, reason, "target_user_ids_removed", present);
    return count;
  }, WRITE_TX_OPTIONS);
  if (removed > 0) await published(invite);
}
