import { AuditLogAction } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { recordAuditLog, type AuditChange } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { toRoleDto } from "@/server/dto/guild";
import { publishEvent } from "@/server/events/publish";
import { requireGuildMember } from "@/server/guilds/access";
import { requireAbove, requireGrantable } from "./hierarchy";
import type { UpdateRoleInput } from "@/lib/schemas/roles";
import type { Caller } from "@/server/auth/caller";

/**
 * Edits a role's name, permissions or color (MANAGE_ROLES). Roles at or above the caller's highest role
 * are out of reach (the owner excepted); permissions may only gain bits the caller holds. The @everyone
 * role (id = guild id) keeps its name.
 */
export async function updateRole(
  guildId: bigint,
  roleId: bigint,
  caller: Caller,
  input: UpdateRoleInput,
  reason: string | null,
) {
  const access = await requireGuildMember(guildId, caller, Permissions.MANAGE_ROLES);
  const role = access.roles.find((r) => r.id === roleId);
  if (!role) throw new ApiError("UNKNOWN_ROLE");
  const isEveryone = roleId === guildId;
  if (isEveryone && input.name !== undefined && input.name !== role.name) {
    throw invalidField("name", "CANNOT_RENAME_EVERYONE", "The @everyone role cannot be renamed");
  }
  if (!isEveryone) requireAbove(access, caller.id, role.position);
  if (input.permissions !== undefined)
    requireGrantable(access.permissions, input.permissions & ~role.permissions);

  const changes: AuditChange[] = [];
  const data: { name?: string; permissions?: bigint; color?: number } = {};
  if (input.name !== undefined && input.name !== role.name) {
    data.name = input.name;
    changes.push({ key: "name", old_value: role.name, new_value: input.name });
  }
  if (input.permissions !== undefined && input.permissions !== role.permissions) {
    data.permissions = input.permissions;
    changes.push({
      key: "permissions",
      old_value: role.permissions.toString(),
      new_value: input.permissions.toString(),
    });
  }
  if (input.color !== undefined && input.color !== role.color) {
    data.color = input.color;
    changes.push({ key: "color", old_value: role.color, new_value: input.color });
  }
  if (changes.length === 0) return toRoleDto(role);
  const prisma = await db();
  const dto = await prisma.$transaction(async (tx) => {
    const updated = await tx.role.update({ where: { id: roleId }, data });
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.ROLE_UPDATE,
      userId: caller.id,
      targetId: roleId.toString(),
      reason,
      changes,
    });
    return toRoleDto(updated);
  });
  // Invite previews and landing pages name the roles an invite gives: a renamed or recoloured one drops them.
  if ((data.name !== undefined || data.color !== undefined) && (await isOnAnInvite(roleId)))
    await publishEvent({ type: "INVITE_PREVIEWS_STALE", guildId });
  return dto;
}

async function isOnAnInvite(roleId: bigint): Promise<boolean> {
  return (await (await db()).inviteRole.findFirst({ where: { roleId }, select: { roleId: true } })) !== null;
}
