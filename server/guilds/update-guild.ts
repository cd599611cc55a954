import { ApiError } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { recordGuildUpdate, type AuditChange } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { publishEvent } from "@/server/events/publish";
import { loadGuildAccess } from "./access";
import { toGuildResponse } from "./guild-response";
import type { UpdateGuildInput } from "@/lib/schemas/guilds";
import type { Caller } from "@/server/auth/caller";

// Managers may pause and resume invites themselves; every other feature is granted by the instance.
export const SELF_SERVICE_FEATURES: ReadonlySet<string> = new Set(["INVITES_DISABLED"]);

/**
 * Renames a guild and/or sets its features. MANAGE_GUILD may change the name and toggle INVITES_DISABLED;
 * instance admins may change anything on any guild, member or not. The row is locked for the
 * read-compare-write of `features`, and the change is audit-logged (GUILD_UPDATE) in the same transaction.
 */
export async function updateGuild(
  guildId: bigint,
  caller: Caller,
  input: UpdateGuildInput,
  reason: string | null,
) {
  const prisma = await db();
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "guilds" WHERE "id" = ${guildId} FOR UPDATE`;
    const access = await loadGuildAccess(guildId, caller.id, tx);
    if (!caller.isAdmin) {
      if (!access.member) throw new ApiError("MISSING_ACCESS");
      if (!hasPermission(access.permissions, Permissions.MANAGE_GUILD))
        throw new ApiError("MISSING_PERMISSIONS");
    }
    const { guild } = access;
    const changes: AuditChange[] = [];
    const data: { name?: string; features?: string[] } = {};
    if (input.name !== undefined && input.name !== guild.name) {
      data.name = input.name;
      changes.push({ key: "name", old_value: guild.name, new_value: input.name });
    }
    if (input.features !== undefined) {
      const next = [...new Set<string>(input.features)].sort();
      const current = [...guild.features].sort();
      const toggled = [
        ...next.filter((f) => !current.includes(f)),
        ...current.filter((f) => !next.includes(f)),
      ];
      if (!caller.isAdmin && toggled.some((f) => !SELF_SERVICE_FEATURES.has(f)))
        throw new ApiError("MISSING_PERMISSIONS");
      if (toggled.length > 0) {
        data.features = next;
        changes.push({ key: "features", old_value: current, new_value: next });
      }
    }
    if (changes.length === 0) return { response: toGuildResponse(guild, access.roles), changed: false };
    const updated = await tx.guild.update({ where: { id: guildId }, data });
    await recordGuildUpdate(tx, guildId, caller.id, reason, changes);
    return { response: toGuildResponse(updated, access.roles), changed: true };
  });
  // Invite previews show the name and features (a pause must stop the landing page's button at once).
  if (result.changed) await publishEvent({ type: "INVITE_PREVIEWS_STALE", guildId });
  return result.response;
}
