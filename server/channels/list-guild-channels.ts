import { applyOverwrites, hasPermission, Permissions } from "@/lib/permissions";
import { db } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import { toGuildChannelDto } from "./to-guild-channel-dto";
import type { Caller } from "@/server/auth/caller";

/** The guild's channels the caller can see (VIEW_CHANNEL after overwrites), by position. */
export async function listGuildChannels(guildId: bigint, caller: Caller) {
  const access = await requireGuildMember(guildId, caller);
  const prisma = await db();
  const channels = await prisma.channel.findMany({
    where: { guildId },
    include: { overwrites: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return channels
    .filter((channel) =>
      hasPermission(
        applyOverwrites({
          base: access.permissions,
          guildId,
          userId: caller.id,
          memberRoleIds: access.memberRoleIds,
          overwrites: channel.overwrites,
        }),
        Permissions.VIEW_CHANNEL,
      ),
    )
    .map(toGuildChannelDto);
}
