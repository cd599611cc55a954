// The one place `approximate_presence_count` comes from: members with a live presence connection
// (server/presence). Guild invites count online members; group DM invites online recipients.
import { countOnlineMembers, countOnlineRecipients } from "@/server/presence/count-online-members";

export async function approximatePresenceCount(target: {
  guildId: bigint | null;
  channelId: bigint;
}): Promise<number> {
  return target.guildId !== null
    ? countOnlineMembers(target.guildId)
    : countOnlineRecipients(target.channelId);
}
