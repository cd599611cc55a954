// publishEvent: call it after the transaction that made the change has committed. It never throws: a lost
// event must not fail the request that caused it (failures are logged).
import { errorMessage } from "@/lib/error-message";
import { onBusMessage as dropStaleCredentials } from "@/server/auth/credential-cache";
import { db } from "@/server/db";
import { toMemberDto } from "@/server/dto/member";
import { toPartialUserDto } from "@/server/dto/user";
import { onBusMessage as dropStalePreviews } from "@/server/invites/preview-cache";
import { log } from "@/server/log";
import { guildCounts } from "@/server/presence/count-online-members";
import { eventBus } from "./bus";
import { NOTIFY_CHANNEL } from "./postgres-bus";
import { INVALIDATING_TYPES, toWire, type BusMessage, type GatewayEvent } from "./types";

async function partialUser(userId: bigint) {
  const user = await (await db()).user.findUnique({ where: { id: userId } });
  return user ? toPartialUserDto(user) : { id: userId.toString() };
}

/** GUILD_MEMBER_ADD published without data: the member object as the members API returns it. */
async function memberData(guildId: bigint, userId: bigint) {
  const member = await (
    await db()
  ).member.findUnique({
    where: { guildId_userId: { guildId, userId } },
    include: { user: true, roles: true },
  });
  return member ? toMemberDto(member) : {};
}

async function toMessage(event: GatewayEvent): Promise<BusMessage | null> {
  const data = toWire(("data" in event ? event.data : undefined) ?? {});
  if (event.type === "USER_SESSIONS_REVOKED") {
    return {
      type: event.type,
      guildId: null,
      channelId: null,
      userId: event.userId.toString(),
      data: event.tokenOnly ? { token_only: true } : {},
    };
  }
  const guildId = event.guildId === null ? null : event.guildId.toString();
  switch (event.type) {
    case "INVITE_CREATE":
    case "INVITE_UPDATE":
    case "INVITE_DELETE":
      return {
        type: event.type,
        guildId,
        channelId: event.channelId.toString(),
        userId: null,
        data: { ...data, guild_id: guildId, channel_id: event.channelId.toString() },
      };
    case "GUILD_MEMBER_ADD":
    case "GUILD_MEMBER_REMOVE": {
      if (event.type === "GUILD_MEMBER_ADD" && !event.data)
        Object.assign(data, toWire(await memberData(event.guildId, event.userId)));
      const userId = event.userId.toString();
      const user =
        typeof data.user === "object" && data.user !== null ? data.user : await partialUser(event.userId);
      return {
        type: event.type,
        guildId,
        channelId: null,
        userId,
        data: { ...data, guild_id: guildId, user },
      };
    }
    case "GUILD_COUNTS_UPDATE": {
      let counts = event.data;
      if (!counts) {
        const [row] = await guildCounts([event.guildId]);
        if (!row) return null;
        counts = { approximate_member_count: row.memberCount, approximate_presence_count: row.presenceCount };
      }
      return {
        type: event.type,
        guildId,
        channelId: null,
        userId: null,
        data: { guild_id: guildId, ...counts },
      };
    }
    case "INVITE_PREVIEWS_STALE":
      return { type: event.type, guildId, channelId: null, userId: null, data: {} };
  }
}

/**
 * The channel on which a statement may send its own events by NOTIFY, in the transaction that makes the
 * change (sent if and only if it commits, in commit order), or null when the bus is in-process (PGlite).
 */
export function transactionNotifyChannel(): string | null {
  return eventBus().kind === "postgres" ? NOTIFY_CHANNEL : null;
}

/**
 * Sends an event to every instance; each delivers it to the streams allowed to see it. `sentByTransaction`:
 * the statement that made the change already sent it (transactionNotifyChannel), so only this instance's
 * caches are dropped here.
 */
export async function publishEvent(
  event: GatewayEvent,
  options: { sentByTransaction?: boolean } = {},
): Promise<void> {
  try {
    const message = await toMessage(event);
    if (!message) return;
    // This instance's caches first, synchronously: whoever made the change reads it back at once.
    dropStalePreviews(message);
    dropStaleCredentials(message);
    if (!options.sentByTransaction) await eventBus().publish(message);
    else if (INVALIDATING_TYPES.has(message.type)) await eventBus().barrier();
  } catch (error) {
    log.error("publishEvent failed", { type: event.type, error: errorMessage(error) });
  }
}
