import { toRoleDto } from "@/server/dto/guild";
import { requireGuildMember } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

/** The guild's roles, lowest first (@everyone, whose id is the guild id, at position 0). */
export async function listRoles(guildId: bigint, caller: Caller) {
  const { roles } = await requireGuildMember(guildId, caller);
  return [...roles].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1)).map(toRoleDto);
}
