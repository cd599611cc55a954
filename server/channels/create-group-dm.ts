import { ChannelType, LIMITS } from "@/lib/constants";
import { ApiError, invalidField } from "@/lib/errors";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import { toPartialUserDto } from "@/server/dto/user";
import type { CreateGroupDmInput } from "@/lib/schemas/channels";
import type { Caller } from "@/server/auth/caller";

/**
 * Creates a group DM owned by the caller with the given users; the caller is a recipient too.
 * At most 10 recipients in total (400 MAX_GROUP_DM_RECIPIENTS); unknown users are a field error.
 */
export async function createGroupDm(caller: Caller, input: CreateGroupDmInput) {
  const others = [...new Set(input.recipients)].filter((id) => id !== caller.id);
  if (others.length + 1 > LIMITS.MAX_GROUP_DM_RECIPIENTS) throw new ApiError("MAX_GROUP_DM_RECIPIENTS");
  const prisma = await db();
  const users = await prisma.user.findMany({ where: { id: { in: others } } });
  const missing = others.findIndex((id) => !users.some((user) => user.id === id));
  if (missing !== -1)
    throw invalidField(
      `recipients.${input.recipients.indexOf(others[missing]!)}`,
      "UNKNOWN_USER",
      "Unknown user",
    );
  const channel = await prisma.$transaction(async (tx) => {
    const created = await tx.channel.create({
      data: { id: nextSnowflake(), type: ChannelType.GROUP_DM, name: input.name ?? null, ownerId: caller.id },
    });
    await tx.channelRecipient.createMany({
      data: [caller.id, ...others].map((userId) => ({ channelId: created.id, userId })),
    });
    return created;
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  return {
    id: channel.id.toString(),
    type: channel.type,
    owner_id: caller.id.toString(),
    name: channel.name,
    recipients: [toPartialUserDto(caller), ...others.map((id) => toPartialUserDto(byId.get(id)!))],
  };
}
