import { invalidField } from "@/lib/errors";
import { db } from "@/server/db";
import { publishEvent } from "@/server/events/publish";
import { requireGuildMember } from "@/server/guilds/access";
import { removeMembership } from "./membership";
import type { Caller } from "@/server/auth/caller";

/** The caller leaves a guild. The owner cannot (Fluxer's CANNOT_LEAVE_GUILD_AS_OWNER). */
export async function leaveGuild(guildId: bigint, caller: Caller) {
  const access = await requireGuildMember(guildId, caller);
  if (access.guild.ownerId === caller.id) {
    throw invalidField("guild_id", "CANNOT_LEAVE_GUILD_AS_OWNER", "The owner cannot leave their guild");
  }
  const prisma = await db();
  await prisma.$transaction((tx) => removeMembership(tx, guildId, caller.id));
  await publishEvent({ type: "GUILD_MEMBER_REMOVE", guildId, userId: caller.id });
}
