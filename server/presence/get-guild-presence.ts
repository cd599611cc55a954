import { requireGuildMember } from "@/server/guilds/access";
import { guildCounts } from "./count-online-members";
import type { Caller } from "@/server/auth/caller";

/** Online and total members of a guild, for its members (403 MISSING_ACCESS otherwise). */
export async function getGuildPresence(guildId: bigint, caller: Caller) {
  await requireGuildMember(guildId, caller);
  const [counts] = await guildCounts([guildId]);
  return {
    guild_id: guildId.toString(),
    online: counts?.presenceCount ?? 0,
    members: counts?.memberCount ?? 0,
  };
}
