import { AuditLogAction } from "@/lib/constants";
import { Permissions } from "@/lib/permissions";
import { nextSnowflake } from "@/lib/snowflake";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { toRoleDto } from "@/server/dto/guild";
import { requireGuildMember } from "@/server/guilds/access";
import { requireGrantable } from "./hierarchy";
import type { CreateRoleInput } from "@/lib/schemas/roles";
import type { Caller } from "@/server/auth/caller";

/**
 * Creates a role just above @everyone (position 1, the others move up one), as Discord does, so the
 * manager who made it can still manage it. MANAGE_ROLES, and only permissions the caller holds.
 */
export async function createRole(
  guildId: bigint,
  caller: Caller,
  input: CreateRoleInput,
  reason: string | null,
) {
  const access = await requireGuildMember(guildId, caller, Permissions.MANAGE_ROLES);
  const permissions = input.permissions ?? 0n;
  requireGrantable(access.permissions, permissions);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.role.updateMany({
      where: { guildId, id: { not: guildId } },
      data: { position: { increment: 1 } },
    });
    const role = await tx.role.create({
      data: {
        id: nextSnowflake(),
        guildId,
        name: input.name,
        permissions,
        color: input.color ?? 0,
        position: 1,
      },
    });
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.ROLE_CREATE,
      userId: caller.id,
      targetId: role.id.toString(),
      reason,
      changes: [
        { key: "name", new_value: role.name },
        { key: "permissions", new_value: role.permissions.toString() },
        { key: "color", new_value: role.color },
      ],
    });
    return toRoleDto(role);
  });
}
