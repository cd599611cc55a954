import { ApiError, invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { requireGuildMember } from "@/server/guilds/access";
import { requireAbove } from "./hierarchy";
import type { Caller } from "@/server/auth/caller";

/**
 * Checks that the caller may give or take `roleId` from `userId`: MANAGE_ROLES, the role belongs to the
 * guild, is not @everyone (everyone has it), and sits below the caller's highest role.
 */
export async function loadAssignableRole(guildId: bigint, userId: bigint, roleId: bigint, caller: Caller) {
  const access = await requireGuildMember(guildId, caller, Permissions.MANAGE_ROLES);
  const role = access.roles.find((r) => r.id === roleId);
  if (!role) throw new ApiError("UNKNOWN_ROLE");
  if (roleId === guildId)
    throw invalidField("role_id", "CANNOT_ASSIGN_EVERYONE", "Every member has the @everyone role");
  requireAbove(access, caller.id, role.position);
  return { access, role, userId };
}
