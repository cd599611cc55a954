import { ChannelType, JoinSourceType, LIMITS } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { DEFAULT_EVERYONE_PERMISSIONS } from "@/lib/permissions";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";

/** Creates a guild with its @everyone role (id = guild id) and a #general text channel; the creator owns it. */
export async function createGuild(ownerId: bigint, name: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const count = await tx.member.count({ where: { userId: ownerId } });
    if (count >= LIMITS.MAX_GUILDS_PER_USER) throw new ApiError("MAX_GUILDS");
    const guildId = nextSnowflake();
    const guild = await tx.guild.create({ data: { id: guildId, name, ownerId, memberCount: 1 } });
    await tx.role.create({
      data: {
        id: guildId,
        guildId,
        name: "@everyone",
        permissions: DEFAULT_EVERYONE_PERMISSIONS,
        position: 0,
      },
    });
    await tx.channel.create({
      data: { id: nextSnowflake(), guildId, type: ChannelType.GUILD_TEXT, name: "general", position: 0 },
    });
    await tx.member.create({ data: { guildId, userId: ownerId, joinSourceType: JoinSourceType.CREATOR } });
    return guild;
  });
}
