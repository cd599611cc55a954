// The one place `approximate_presence_count` comes from. Presence (spec section 8) arrives with the
// events stream; until members can hold a presence connection, nobody is online and the count is 0.
export async function approximatePresenceCount(_target: { guildId: bigint | null; channelId: bigint }): Promise<number> {
  return 0;
}
