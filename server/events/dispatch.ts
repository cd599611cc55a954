// Delivers bus messages to this instance's streams, each only to the streams allowed to see it. Messages
// are handled one after another so a stream sees them in the order this instance received them.
import { errorMessage } from "@/lib/error-message";
import { Permissions } from "@/lib/permissions";
import { processState } from "@/lib/process-state";
import { log } from "@/server/log";
import { usersWithChannelPermission, membersAmong } from "./audience";
import { deliverCounts, refreshGuildCountsSoon } from "./counts-watcher";
import { allSessions, sessionsByUser } from "./sessions";
import type { BusMessage } from "./types";

async function recipients(message: BusMessage, userIds: bigint[]): Promise<Set<bigint>> {
  switch (message.type) {
    case "INVITE_CREATE":
    case "INVITE_UPDATE":
    case "INVITE_DELETE":
      if (message.channelId === null) return new Set();
      return usersWithChannelPermission(BigInt(message.channelId), userIds, Permissions.MANAGE_CHANNELS);
    case "GUILD_MEMBER_ADD":
    case "GUILD_MEMBER_REMOVE": {
      if (message.guildId === null) return new Set();
      const members = await membersAmong(BigInt(message.guildId), userIds);
      // The removed user is no longer a member but should learn they left.
      if (message.userId !== null) members.add(BigInt(message.userId));
      return members;
    }
    default:
      return new Set();
  }
}

export async function deliver(message: BusMessage): Promise<void> {
  if (message.type === "INVITE_PREVIEWS_STALE") return; // internal: for caches, never for clients
  if (message.type === "USER_SESSIONS_REVOKED") {
    // Streams were authenticated when they opened: end the user's, so a signed-out browser hears nothing more.
    // The log-out of one API token leaves the user's other sessions, and so their streams, alone.
    if (message.userId !== null && message.data.token_only !== true)
      for (const session of sessionsByUser().get(BigInt(message.userId)) ?? []) session.close();
    return;
  }
  if (message.type === "GUILD_COUNTS_UPDATE") {
    if (message.guildId === null) return;
    const memberCount = Number(message.data.approximate_member_count);
    const presenceCount = Number(message.data.approximate_presence_count);
    if (Number.isFinite(memberCount) && Number.isFinite(presenceCount)) {
      deliverCounts([{ guildId: BigInt(message.guildId), memberCount, presenceCount }]);
    }
    return;
  }
  if (
    (message.type === "GUILD_MEMBER_ADD" || message.type === "GUILD_MEMBER_REMOVE") &&
    message.guildId !== null
  ) {
    refreshGuildCountsSoon(BigInt(message.guildId));
  }
  const byUser = sessionsByUser();
  if (byUser.size === 0) return;
  const allowed = await recipients(message, [...byUser.keys()]);
  for (const userId of allowed)
    for (const session of byUser.get(userId) ?? []) session.send(message.type, message.data);
}

const state = processState<{ queue: Promise<void> }>("__fluxerDispatch", () => ({
  queue: Promise.resolve(),
}));

/** Queues a message for delivery (bus listener). */
export function enqueueDelivery(message: BusMessage) {
  if (allSessions().length === 0) return;
  state.queue = state.queue
    .then(() => deliver(message))
    .catch((error) => log.error("event delivery failed", { type: message.type, error: errorMessage(error) }));
}
