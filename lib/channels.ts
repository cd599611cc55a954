// How the app orders and names a guild's channels, everywhere it lists them (the guild page, the invites
// page's pickers and table): one order, one spelling.
import { ChannelType } from "./constants";

export type OrderableChannel = {
  id: string | bigint;
  type: number;
  parentId: string | bigint | null;
  position: number;
};
export type ChannelGroup<T> = { category: T | null; channels: T[] };

function byPosition(a: OrderableChannel, b: OrderableChannel): number {
  if (a.position !== b.position) return a.position - b.position;
  const [x, y] = [BigInt(a.id), BigInt(b.id)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The guild's order: channels outside any category first, then each category with its channels;
 * categories and the channels within each by position, then id. A channel whose category is gone counts
 * as outside. Every category is returned, empty ones included (the caller decides whether to show them).
 */
export function groupChannels<T extends OrderableChannel>(channels: readonly T[]): ChannelGroup<T>[] {
  const sorted = [...channels].sort(byPosition);
  const categories = sorted.filter((c) => c.type === ChannelType.GUILD_CATEGORY);
  const categoryIds = new Set(categories.map((c) => String(c.id)));
  const rest = sorted.filter((c) => c.type !== ChannelType.GUILD_CATEGORY);
  const inside = (channel: T) => channel.parentId !== null && categoryIds.has(String(channel.parentId));
  return [
    { category: null, channels: rest.filter((c) => !inside(c)) },
    ...categories.map((category) => ({
      category,
      channels: rest.filter((c) => String(c.parentId) === String(category.id)),
    })),
  ];
}

/** The channels (no categories) in the guild's order. */
export function orderChannels<T extends OrderableChannel>(channels: readonly T[]): T[] {
  return groupChannels(channels).flatMap((group) => group.channels);
}

export function isVoiceChannel(type: number): boolean {
  return type === ChannelType.GUILD_VOICE;
}

/** A channel in words: "#general" for a text channel, "Lounge (voice)" for a voice channel. */
export function channelLabel(channel: { name: string; type: number }): string {
  return isVoiceChannel(channel.type) ? `${channel.name} (voice)` : `#${channel.name}`;
}

/** A channel as a picker offers it. */
export type PickerChannel = { id: string; name: string; type: number; category: string | null };

/** Channels already in the guild's order, cut into runs of one category each: a picker's option groups. */
export function pickerGroups(
  channels: readonly PickerChannel[],
): { category: string | null; channels: PickerChannel[] }[] {
  const groups: { category: string | null; channels: PickerChannel[] }[] = [];
  for (const channel of channels) {
    const last = groups.at(-1);
    if (last && last.category === channel.category) last.channels.push(channel);
    else groups.push({ category: channel.category, channels: [channel] });
  }
  return groups;
}
