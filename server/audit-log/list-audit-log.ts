import { Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { toPartialUserDto } from "@/server/dto/user";
import { requireGuildMember } from "@/server/guilds/access";
import type { AuditLogQuery } from "@/lib/schemas/audit-log";
import type { Caller } from "@/server/auth/caller";

type EntryRow = {
  id: bigint;
  actionType: number;
  userId: bigint | null;
  targetId: string | null;
  reason: string | null;
  changes: unknown;
  options: unknown;
  createdAt: Date;
};

function toAuditLogEntryDto(entry: EntryRow) {
  return {
    id: entry.id.toString(),
    action_type: entry.actionType,
    user_id: entry.userId?.toString() ?? null,
    target_id: entry.targetId,
    reason: entry.reason,
    changes: entry.changes ?? null,
    options: entry.options ?? null,
    created_at: entry.createdAt.toISOString(),
  };
}

/** The guild's audit log, newest first (VIEW_AUDIT_LOG), with the acting users. */
export async function listAuditLog(guildId: bigint, caller: Caller, query: AuditLogQuery) {
  await requireGuildMember(guildId, caller, Permissions.VIEW_AUDIT_LOG);
  const prisma = await db();
  const entries = await prisma.auditLogEntry.findMany({
    where: {
      guildId,
      ...(query.action_type !== undefined ? { actionType: query.action_type } : {}),
      ...(query.user_id !== undefined ? { userId: query.user_id } : {}),
      ...(query.before !== undefined ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit,
  });
  const actorIds = [...new Set(entries.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
  const users = await prisma.user.findMany({ where: { id: { in: actorIds } } });
  return { audit_log_entries: entries.map(toAuditLogEntryDto), users: users.map(toPartialUserDto) };
}
