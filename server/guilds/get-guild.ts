import { loadGuildAccess, requireGuildMember } from "./access";
import { toGuildResponse } from "./guild-response";
import type { Caller } from "@/server/auth/caller";

/** The guild for a member; instance admins may read any guild (they manage features everywhere). */
export async function getGuild(guildId: bigint, caller: Caller) {
  const access = caller.isAdmin
    ? await loadGuildAccess(guildId, caller.id)
    : await requireGuildMember(guildId, caller);
  return toGuildResponse(access.guild, access.roles);
}
