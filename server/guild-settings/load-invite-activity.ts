// "Recent invite activity" on the invites page: the last invite creations (audit action 40), revocations
// (42) and guild updates (1) that changed the vanity URL or paused/resumed invites (until resumed or for a
// while), with who did it and why. Shown to VIEW_AUDIT_LOG or MANAGE_GUILD; checked here again, not only by the page.
import { channelLabel } from "@/lib/channels";
import { AuditLogAction } from "@/lib/constants";
import { db } from "@/server/db";
import type { ActivityEvent, ActivityItem, SettingsAccess } from "@/lib/guild-settings/views";

export const ACTIVITY_LIMIT = 20;
// Guild updates that are renames are skipped, so read a few more entries than we show.
const SCAN_LIMIT = 100;

export type { ActivityEvent, ActivityItem } from "@/lib/guild-settings/views";

type Change = { key?: unknown; old_value?: unknown; new_value?: unknown };

function changesOf(value: unknown): Change[] {
  return Array.isArray(value) ? (value.filter((c) => c && typeof c === "object") as Change[]) : [];
}

function pick(changes: Change[], key: string, side: "old_value" | "new_value"): unknown {
  return changes.find((c) => c.key === key)?.[side];
}

const asString = (value: unknown) => (typeof value === "string" ? value : null);
const asNumber = (value: unknown) => (typeof value === "number" ? value : 0);

function toEvent(
  actionType: number,
  changes: Change[],
  labelOf: (id: unknown) => string,
): ActivityEvent | null {
  if (actionType === AuditLogAction.INVITE_CREATE || actionType === AuditLogAction.INVITE_DELETE) {
    const side = actionType === AuditLogAction.INVITE_CREATE ? "new_value" : "old_value";
    const code = asString(pick(changes, "code", side));
    if (!code) return null;
    const channel = labelOf(pick(changes, "channel_id", side));
    if (side === "old_value") return { kind: "invite-revoked", code, channel };
    return {
      kind: "invite-created",
      code,
      channel,
      maxAge: asNumber(pick(changes, "max_age", side)),
      maxUses: asNumber(pick(changes, "max_uses", side)),
      temporary: pick(changes, "temporary", side) === true,
    };
  }
  const vanity = changes.find((c) => c.key === "vanity_url_code");
  if (vanity)
    return { kind: "vanity-changed", from: asString(vanity.old_value), to: asString(vanity.new_value) };
  const features = changes.find((c) => c.key === "features");
  if (features) {
    const before = Array.isArray(features.old_value) && features.old_value.includes("INVITES_DISABLED");
    const after = Array.isArray(features.new_value) && features.new_value.includes("INVITES_DISABLED");
    if (before !== after) return { kind: after ? "invites-paused" : "invites-resumed" };
  }
  // A timed pause (incident actions): started or moved, or ended early.
  const timed = changes.find((c) => c.key === "invites_disabled_until");
  if (timed) return { kind: timed.new_value === null ? "invites-resumed" : "invites-paused" };
  return null;
}

/** The last 20 invite-related audit entries, newest first; null when the viewer may not read them. */
export async function loadInviteActivity(access: SettingsAccess): Promise<ActivityItem[] | null> {
  if (!access.canViewActivity) return null;
  const prisma = await db();
  const entries = await prisma.auditLogEntry.findMany({
    where: {
      guildId: access.guildId,
      actionType: {
        in: [AuditLogAction.INVITE_CREATE, AuditLogAction.INVITE_DELETE, AuditLogAction.GUILD_UPDATE],
      },
    },
    orderBy: { id: "desc" },
    take: SCAN_LIMIT,
  });
  const channels = new Map(access.channels.map((c) => [c.id, channelLabel(c)]));
  const labelOf = (id: unknown) =>
    typeof id === "string" ? (channels.get(id) ?? "a deleted channel") : "an unknown channel";
  const items = entries
    .flatMap((entry) => {
      const event = toEvent(entry.actionType, changesOf(entry.changes), labelOf);
      return event ? [{ entry, event }] : [];
    })
    .slice(0, ACTIVITY_LIMIT);

  const actorIds = [...new Set(items.flatMap(({ entry }) => (entry.userId === null ? [] : [entry.userId])))];
  const users = await prisma.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, username: true, discriminator: true },
  });
  const byId = new Map(users.map((u) => [u.id, { username: u.username, discriminator: u.discriminator }]));
  return items.map(({ entry, event }) => ({
    id: entry.id.toString(),
    actor: entry.userId === null ? null : (byId.get(entry.userId) ?? null),
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
    event,
  }));
}
