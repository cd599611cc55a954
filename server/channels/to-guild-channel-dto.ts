import { toChannelDto } from "@/server/dto/guild";

type ChannelWithOverwrites = Parameters<typeof toChannelDto>[0] & {
  overwrites: { targetId: bigint; type: number; allow: bigint; deny: bigint }[];
};

/** A guild channel with its permission overwrites (masks as decimal strings, as Fluxer and Discord send them). */
export function toGuildChannelDto(channel: ChannelWithOverwrites) {
  return {
    ...toChannelDto(channel),
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.targetId.toString(),
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}
