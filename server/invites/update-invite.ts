// PATCH /invites/{code}: change an invite's max_uses, max_age or temporary, by whoever may revoke it (the
// inviter, MANAGE_CHANNELS on its channel, a group DM's owner). `version` is the optimistic-concurrency
// token: the write is one conditional UPDATE ... WHERE version = the caller's, so of two editors who read the
// same version one wins and the other gets 409 INVITE_VERSION_MISMATCH with the invite as it is now, on
// both engines (the row lock makes the second UPDATE re-read the row and find the version moved). Every use
// counted also moves the version, so `max_uses` is checked against the very `uses` the caller's version had.
// Vanity invites are managed on the guild (PATCH /guilds/{id}/vanity-url), so they are 404 here, as for delete.
// `role_ids` replaces the roles the invite gives; it needs MANAGE_ROLES too, and every role added or taken off
// must be one the caller may give (invite-roles.ts). It is written in the same transaction as the version bump.
import { AuditLogAction } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { ascendingIds } from "@/lib/snowflake";
import { recordAuditLog, type AuditChange } from "@/server/audit-log/record-audit-log";
import { db, type Tx } from "@/server/db";
import { WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { findLiveInvite } from "./find-live-invite";
import { requireInviteManager } from "./invite-access";
import { inviteInclude, type InviteWithRelations } from "./invite-query";
import { inviteResponse } from "./invite-response";
import { requireGrantableRoles } from "./invite-roles";
import { requireVisibleInvite } from "./invite-target-access";
import type { UpdateInviteInput } from "@/lib/schemas/invites";
import type { Caller } from "@/server/auth/caller";

const EDITABLE = [
  ["max_uses", "maxUses"],
  ["max_age", "maxAge"],
  ["temporary", "temporary"],
] as const;

/** 409 with the invite as it is now (with its metadata: the caller may manage it). */
async function versionMismatch(current: InviteWithRelations): Promise<ApiError> {
  return new ApiError("INVITE_VERSION_MISMATCH", {
    extra: { invite: await inviteResponse(current, { withExpiration: true, withMetadata: true }) },
  });
}

function belowUses(uses: number): ApiError {
  return invalidField(
    "max_uses",
    "MAX_USES_BELOW_USES",
    `max_uses can't be below the invite's uses (${uses}); 0 makes it unlimited`,
  );
}

/** The audit entry's changes: each field that differs, and max_age whenever sent (it restarts the expiry). */
function changedKeys(
  invite: InviteWithRelations,
  input: UpdateInviteInput,
  roleIds: bigint[] | undefined,
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const [key, field] of EDITABLE) {
    const next = input[key];
    if (next === undefined || (next === invite[field] && key !== "max_age")) continue;
    changes.push({ key, old_value: invite[field], new_value: next });
  }
  if (roleIds !== undefined) {
    const before = ascendingIds(invite.roles.map(({ role }) => role.id));
    const after = ascendingIds(roleIds);
    if (before.join() !== after.join())
      changes.push({ key: "role_ids", old_value: before, new_value: after });
  }
  return changes;
}

/** Replaces the invite's roles (same transaction as its version bump). */
async function replaceRoles(tx: Tx, code: string, roleIds: bigint[]) {
  await tx.inviteRole.deleteMany({ where: { inviteCode: code, roleId: { notIn: roleIds } } });
  await tx.inviteRole.createMany({
    data: roleIds.map((roleId) => ({ inviteCode: code, roleId })),
    skipDuplicates: true,
  });
}

/** One conditional UPDATE: only the live, non-vanity invite still at `version`, and never below its uses. */
async function conditionalUpdate(tx: Tx, code: string, input: UpdateInviteInput): Promise<boolean> {
  const maxUses = input.max_uses ?? null;
  const maxAge = input.max_age ?? null;
  const temporary = input.temporary ?? null;
  const count = await tx.$executeRaw`
    UPDATE "invites" SET
      "max_uses" = COALESCE(${maxUses}::int, "max_uses"),
      "max_age" = COALESCE(${maxAge}::int, "max_age"),
      "expires_at" = CASE WHEN ${maxAge}::int IS NULL THEN "expires_at"
                          WHEN ${maxAge}::int = 0 THEN NULL
                          ELSE now() + ${maxAge}::int * interval '1 second' END,
      "temporary" = COALESCE(${temporary}::boolean, "temporary"),
      "version" = "version" + 1
    WHERE "code" = ${code} AND "version" = ${input.version}::int AND NOT "is_vanity"
      AND ("expires_at" IS NULL OR "expires_at" > now())
      AND ("max_uses" = 0 OR "uses" < "max_uses")
      AND (${maxUses}::int IS NULL OR ${maxUses}::int = 0 OR "uses" <= ${maxUses}::int)`;
  return count === 1;
}

/** The new role set, after checking the caller may give every role added and take off every role removed. */
async function requireRoleChange(
  invite: InviteWithRelations,
  roleIds: bigint[],
  caller: Caller,
  client: Tx,
): Promise<bigint[]> {
  const current = invite.roles.map(({ role }) => role.id);
  const distinct = [...new Set(roleIds)];
  const unchanged = distinct.length === current.length && distinct.every((id) => current.includes(id));
  if (unchanged) return current;
  if (invite.guildId === null)
    throw invalidField("role_ids", "GUILD_INVITES_ONLY", "Only guild invites can give roles");
  return requireGrantableRoles(invite.guildId, distinct, caller, client, current);
}

export async function updateInvite(
  code: string,
  caller: Caller,
  input: UpdateInviteInput,
  reason: string | null,
) {
  const prisma = await db();
  const invite = await findLiveInvite(prisma, code);
  if (!invite || invite.isVanity) throw new ApiError("UNKNOWN_INVITE");
  await requireVisibleInvite(invite, caller, prisma);
  await requireInviteManager(invite, caller, prisma);
  if (input.version !== invite.version) throw await versionMismatch(invite);
  if (input.max_uses !== undefined && input.max_uses !== 0 && input.max_uses < invite.uses)
    throw belowUses(invite.uses);
  const roleIds =
    input.role_ids === undefined
      ? undefined
      : await requireRoleChange(invite, input.role_ids, caller, prisma);
  const changes = changedKeys(invite, input, roleIds);
  if (changes.length === 0) return inviteResponse(invite, { withExpiration: true, withMetadata: true }); // nothing to change

  const updated = await prisma.$transaction(async (tx) => {
    if (!(await conditionalUpdate(tx, invite.code, input))) {
      // Someone else got there first: a use, an edit, a revoke, or the invite lapsed. Say which.
      const now = await findLiveInvite(tx, invite.code);
      if (!now) throw new ApiError("UNKNOWN_INVITE");
      if (now.version !== input.version) throw await versionMismatch(now);
      throw belowUses(now.uses);
    }
    if (roleIds !== undefined) await replaceRoles(tx, invite.code, roleIds);
    // Read back without the live filter: max_uses set to exactly the uses closes the invite, and the answer
    // still shows what was saved.
    const row = await tx.invite.findUniqueOrThrow({ where: { code: invite.code }, include: inviteInclude });
    if (row.guildId !== null) {
      await recordAuditLog(tx, {
        guildId: row.guildId,
        actionType: AuditLogAction.INVITE_UPDATE,
        userId: caller.id,
        targetId: row.code,
        reason,
        changes,
      });
    }
    return row;
  }, WRITE_TX_OPTIONS);

  const body = await inviteResponse(updated, { withExpiration: true, withMetadata: true });
  // The managers' streams hear it; every instance drops the code's cached preview and landing pages.
  await publishEvent({
    type: "INVITE_UPDATE",
    guildId: updated.guildId,
    channelId: updated.channelId,
    data: body,
  });
  return body;
}
