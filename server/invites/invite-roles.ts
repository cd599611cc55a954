// Which roles an invite may give: the creator (or editor) needs MANAGE_ROLES as well, every role must be one of
// the invite's guild, sit below the caller's highest role (the owner is above everything), and be neither
// @everyone (every member has it) nor, unless the caller owns the guild, a role with ADMINISTRATOR (an invite
// link travels further than a role grant by hand).
import { ApiError, invalidField } from "@/lib/errors";
import { hasPermission, Permissions } from "@/lib/permissions";
import { requireGuildMember } from "@/server/guilds/access";
import { highestRolePosition } from "@/server/roles/hierarchy";
import type { Caller } from "@/server/auth/caller";
import type { Tx } from "@/server/db";

/** Why `role` may not be given by this caller, or null when it may. */
export function roleRefusal(
  access: {
    guild: { id: bigint; ownerId: bigint };
    roles: { id: bigint; position: number }[];
    memberRoleIds: bigint[];
  },
  callerId: bigint,
  role: { id: bigint; position: number; permissions: bigint },
): "everyone" | "above" | "administrator" | null {
  if (role.id === access.guild.id) return "everyone";
  if (access.guild.ownerId === callerId) return null;
  if (highestRolePosition(access.roles, access.memberRoleIds) <= role.position) return "above";
  if (hasPermission(role.permissions, Permissions.ADMINISTRATOR)) return "administrator";
  return null;
}

/**
 * The distinct role ids, checked for this caller in this guild (MANAGE_ROLES included). `alsoCheck` are roles
 * the change takes away (an edit): taking one off an invite is giving it no longer, so the same rules apply.
 */
export async function requireGrantableRoles(
  guildId: bigint,
  roleIds: bigint[],
  caller: Caller,
  client?: Tx,
  alsoCheck: bigint[] = [],
): Promise<bigint[]> {
  const access = await requireGuildMember(guildId, caller, Permissions.MANAGE_ROLES, client);
  const distinct = [...new Set(roleIds)];
  const checked = [...distinct.map((id, index) => ({ id, path: `role_ids.${index}` }))];
  for (const id of alsoCheck) if (!distinct.includes(id)) checked.push({ id, path: "role_ids" });
  for (const { id, path } of checked) {
    const role = access.roles.find((r) => r.id === id);
    if (!role) {
      // A role removed from the invite that no longer exists has gone with its invite_roles row already.
      if (path === "role_ids") continue;
      throw invalidField(path, "UNKNOWN_ROLE", "Not a role of this guild");
    }
    const refusal = roleRefusal(access, caller.id, role);
    if (refusal === "everyone")
      throw invalidField(path, "CANNOT_ASSIGN_EVERYONE", "Every member has the @everyone role");
    if (refusal !== null) throw new ApiError("MISSING_PERMISSIONS");
  }
  return distinct;
}
