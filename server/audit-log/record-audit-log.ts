// Audit log entries: written inside the same transaction as the change they record.
import { AuditLogAction } from "@/lib/constants";
import { nextSnowflake } from "@/lib/snowflake";
import type { Tx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export const MAX_AUDIT_REASON_LENGTH = 512;

/** The X-Audit-Log-Reason header, URL-decoded when it was encoded, cut to 512 characters; null when absent. */
export function auditLogReason(request: Request): string | null {
  const raw = request.headers.get("x-audit-log-reason");
  if (!raw) return null;
  let reason = raw;
  try {
    reason = decodeURIComponent(raw);
  } catch {
    // not URL-encoded: keep as sent
  }
  reason = reason.trim();
  return reason === "" ? null : reason.slice(0, MAX_AUDIT_REASON_LENGTH);
}

export type AuditChange = { key: string; old_value?: unknown; new_value?: unknown };

export async function recordAuditLog(
  tx: Tx,
  entry: {
    guildId: bigint;
    actionType: number;
    userId: bigint | null;
    targetId: string | null;
    reason?: string | null;
    changes?: AuditChange[];
    options?: Record<string, unknown>;
  },
) {
  await tx.auditLogEntry.create({
    data: {
      id: nextSnowflake(),
      guildId: entry.guildId,
      actionType: entry.actionType,
      userId: entry.userId,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      changes: (entry.changes ?? undefined) as Prisma.InputJsonValue | undefined,
      options: (entry.options ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** GUILD_UPDATE by `userId` on the guild itself, with the changed keys. */
export async function recordGuildUpdate(
  tx: Tx,
  guildId: bigint,
  userId: bigint,
  reason: string | null | undefined,
  changes: AuditChange[],
) {
  await recordAuditLog(tx, {
    guildId,
    actionType: AuditLogAction.GUILD_UPDATE,
    userId,
    targetId: guildId.toString(),
    reason,
    changes,
  });
}
