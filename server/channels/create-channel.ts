import { AuditLogAction, ChannelType } from "@/lib/constants";
import { invalidField } from "@/lib/errors";
import { Permissions } from "@/lib/permissions";
import { nextSnowflake } from "@/lib/snowflake";
import { recordAuditLog } from "@/server/audit-log/record-audit-log";
import { db } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import { toGuildChannelDto } from "./to-guild-channel-dto";
import type { CreateChannelInput } from "@/lib/schemas/channels";
import type { Caller } from "@/server/auth/caller";

/** Creates a text, voice or category channel at the end of the list (MANAGE_CHANNELS). */
export async function createChannel(
  guildId: bigint,
  caller: Caller,
  input: CreateChannelInput,
  reason: string | null,
) {
  await requireGuildMember(guildId, caller, Permissions.MANAGE_CHANNELS);
  const type = input.type ?? ChannelType.GUILD_TEXT;
  const parentId = input.parent_id ?? null;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if (parentId !== null) {
      if (type === ChannelType.GUILD_CATEGORY)
        throw invalidField(
          "parent_id",
          "CATEGORY_CANNOT_HAVE_PARENT",
          "A category cannot be inside another category",
        );
      const parent = await tx.channel.findUnique({ where: { id: parentId } });
      if (!parent || parent.guildId !== guildId || parent.type !== ChannelType.GUILD_CATEGORY) {
        throw invalidField("parent_id", "INVALID_PARENT", "parent_id must be a category of this guild");
      }
    }
    const last = await tx.channel.aggregate({ where: { guildId }, _max: { position: true } });
    const channel = await tx.channel.create({
      data: {
        id: nextSnowflake(),
        guildId,
        type,
        name: input.name,
        parentId,
        position: (last._max.position ?? -1) + 1,
      },
      include: { overwrites: true },
    });
    await recordAuditLog(tx, {
      guildId,
      actionType: AuditLogAction.CHANNEL_CREATE,
      userId: caller.id,
      targetId: channel.id.toString(),
      reason,
      changes: [
        { key: "name", new_value: channel.name },
        { key: "type", new_value: channel.type },
      ],
    });
    return toGuildChannelDto(channel);
  });
}
