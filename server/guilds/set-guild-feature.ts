// Turns one guild feature on or off without touching the others (the settings page's "Pause invites"
// switch, INVITES_DISABLED). The change is one UPDATE that appends or removes that feature in SQL, so it
// never writes back a list read earlier: an instance admin changing another feature at the same instant
// keeps their change, and the switch neither fails nor undoes it. Same rules, audit entry and event as
// PATCH /guilds/{id}: MANAGE_GUILD (instance admins anything), a GUILD_UPDATE entry with the list before and
// after, in the same transaction, and the invite previews dropped after the commit.
import { ApiError } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { recordGuildUpdate } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { WRITE_TX_OPTIONS } from "@/server/db/row-locks";
import { publishEvent } from "@/server/events/publish";
import { loadGuildAccess } from "./access";
import { SELF_SERVICE_FEATURES } from "./update-guild";
import type { Caller } from "@/server/auth/caller";

/** Returns whether the guild changed (false when the feature already was as asked). */
export async function setGuildFeature(
  guildId: bigint,
  caller: Caller,
  feature: string,
  enabled: boolean,
  reason: string | null,
): Promise<boolean> {
  const prisma = await db();
  const changed = await prisma.$transaction(async (tx) => {
    const access = await loadGuildAccess(guildId, caller.id, tx);
    if (!caller.isAdmin) {
      if (!access.member) throw new ApiError("MISSING_ACCESS");
      if (!hasPermission(access.permissions, Permissions.MANAGE_GUILD) || !SELF_SERVICE_FEATURES.has(feature))
        throw new ApiError("MISSING_PERMISSIONS");
    }
    // Conditional on the current row, under its row lock: the returned list is what this update wrote.
    const rows = enabled
      ? await tx.$queryRaw<{ features: string[] }[]>`
          UPDATE "guilds" SET "features" = array_append("features", ${feature}::text)
          WHERE "id" = ${guildId} AND NOT (${feature}::text = ANY("features")) RETURNING "features"`
      : await tx.$queryRaw<{ features: string[] }[]>`
          UPDATE "guilds" SET "features" = array_remove("features", ${feature}::text)
          WHERE "id" = ${guildId} AND ${feature}::text = ANY("features") RETURNING "features"`;
    const after = rows[0]?.features;
    if (after === undefined) return false;
    const before = enabled ? after.filter((f) => f !== feature) : [...after, feature];
    await recordGuildUpdate(tx, guildId, caller.id, reason, [
      { key: "features", old_value: [...before].sort(), new_value: [...after].sort() },
    ]);
    return true;
  }, WRITE_TX_OPTIONS);
  // Invite previews show the features (a pause must stop the landing page's button at once).
  if (changed) await publishEvent({ type: "INVITE_PREVIEWS_STALE", guildId });
  return changed;
}
