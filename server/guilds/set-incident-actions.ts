// Timed pauses (Discord's incident actions): until when the guild's invites (and DMs) are disabled. Accepts
// compare invites_disabled_until with now() in the database (accept_invite), so a pause ends by itself when
// its time passes: nothing has to run then. MANAGE_GUILD (instance admins on any guild), a GUILD_UPDATE
// audit entry with what changed in the same transaction, and every instance's invite previews (with the
// landing pages kept on them) dropped after the commit, as the indefinite pause does.
import { AuditLogAction } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { recordAuditLog, type AuditChange } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { toIncidentsDataDto } from "@/server/dto/guild";
import { publishEvent } from "@/server/events/publish";
import { loadGuildAccess } from "./access";
import type { Caller } from "@/server/auth/caller";

/** The new ends; a field left undefined keeps its value (the settings page's pause touches invites only). */
export type IncidentActionChanges = { invitesDisabledUntil?: Date | null; dmsDisabledUntil?: Date | null };

const KEYS = [
  ["invitesDisabledUntil", "invites_disabled_until"],
  ["dmsDisabledUntil", "dms_disabled_until"],
] as const;

export async function setIncidentActions(
  guildId: bigint,
  caller: Caller,
  changes: IncidentActionChanges,
  reason: string | null,
) {
  const prisma = await db();
  const result = await prisma.$transaction(async (tx) => {
    // The guild's row, locked for the read-compare-write, in the order every writer takes it.
    await tx.$queryRaw`SELECT "id" FROM "guilds" WHERE "id" = ${guildId} FOR NO KEY UPDATE`;
    const access = await loadGuildAccess(guildId, caller.id, tx);
    if (!caller.isAdmin) {
      if (!access.member) throw new ApiError("MISSING_ACCESS");
      if (!hasPermission(access.permissions, Permissions.MANAGE_GUILD))
        throw new ApiError("MISSING_PERMISSIONS");
    }
    const now = Date.now();
    // A time that has passed is stored as null: that pause is over, and the audit log says so once.
    const before = toIncidentsDataDto(access.guild, now);
    const data: { invitesDisabledUntil?: Date | null; dmsDisabledUntil?: Date | null } = {};
    const audit: AuditChange[] = [];
    for (const [field, key] of KEYS) {
      const asked = changes[field];
      if (asked === undefined) continue;
      const next = asked !== null && asked.getTime() > now ? asked : null;
      const nextText = next?.toISOString() ?? null;
      if (nextText === before[key] && (next !== null || access.guild[field] === null)) continue;
      data[field] = next;
      if (nextText !== before[key]) audit.push({ key, old_value: before[key], new_value: nextText });
    }
    if (Object.keys(data).length === 0) return { incidents: before, invitesChanged: false };
    const updated = await tx.guild.update({ where: { id: guildId }, data });
    if (audit.length > 0) {
      await recordAuditLog(tx, {
        guildId,
        actionType: AuditLogAction.GUILD_UPDATE,
        userId: caller.id,
        targetId: guildId.toString(),
        reason,
        changes: audit,
      });
    }
    return {
      incidents: toIncidentsDataDto(updated, now),
      invitesChanged: audit.some((change) => change.key === "invites_disabled_until"),
    };
  }, WRITE_TX_OPTIONS);
  // Invite previews show the pause (the landing page's button, the invite's features): drop them everywhere.
  if (result.invitesChanged) await publishEvent({ type: "INVITE_PREVIEWS_STALE", guildId });
  return result.incidents;
}
