// Gateway events, under the Fluxer gateway's names so its clients understand them. Published after a commit by the code that
// made the change; each instance delivers them to the streams it holds that may see them (dispatch.ts).

export const GATEWAY_EVENT_TYPES = [
  "INVITE_CREATE",
  "INVITE_UPDATE",
  "INVITE_DELETE",
  "GUILD_MEMBER_ADD",
  "GUILD_MEMBER_REMOVE",
  "GUILD_COUNTS_UPDATE",
] as const;

export type GatewayEventType = (typeof GATEWAY_EVENT_TYPES)[number];

/**
 * Messages between instances that no client ever sees: a guild's invite previews changed (name, features,
 * vanity); a user's sessions were ended (log out everywhere, a password change).
 */
export const INTERNAL_MESSAGE_TYPES = ["INVITE_PREVIEWS_STALE", "USER_SESSIONS_REVOKED"] as const;

export type BusMessageType = GatewayEventType | (typeof INTERNAL_MESSAGE_TYPES)[number];

const BUS_MESSAGE_TYPES: readonly string[] = [...GATEWAY_EVENT_TYPES, ...INTERNAL_MESSAGE_TYPES];

type Data = Record<string, unknown>;

/** What code publishes. `data` is the wire body (a DTO); ids may be bigint, they are sent as strings. */
export type GatewayEvent =
  /** To members with MANAGE_CHANNELS on the channel (group DM: its owner). */
  | {
      type: "INVITE_CREATE" | "INVITE_UPDATE" | "INVITE_DELETE";
      guildId: bigint | null;
      channelId: bigint;
      data?: Data;
    }
  /** To members of the guild, and for a removal also to the removed user. */
  | { type: "GUILD_MEMBER_ADD" | "GUILD_MEMBER_REMOVE"; guildId: bigint; userId: bigint; data?: Data }
  /** To streams that follow the guild's counts; `data` is read from the database when left out. */
  | {
      type: "GUILD_COUNTS_UPDATE";
      guildId: bigint;
      data?: { approximate_member_count: number; approximate_presence_count: number };
    }
  /** Internal: every instance drops the guild's cached invite previews. */
  | { type: "INVITE_PREVIEWS_STALE"; guildId: bigint }
  /**
   * Internal: every instance forgets what it cached about the user's credentials and closes the user's event
   * streams; with `tokenOnly`, one API token was revoked (log-out) and the user's streams stay open.
   */
  | { type: "USER_SESSIONS_REVOKED"; userId: bigint; tokenOnly?: boolean };

/** What travels between instances: small JSON, ids as strings, `data` already in wire form. */
export type BusMessage = {
  type: BusMessageType;
  guildId: string | null;
  channelId: string | null;
  userId: string | null;
  data: Data;
  /** Set by a publisher that waits for every instance to acknowledge having applied the message. */
  ack?: string;
  /** The publishing instance, with `ack`. */
  from?: string;
};

/** Messages after which some instance's cache holds stale state until it has applied them. */
export const INVALIDATING_TYPES: ReadonlySet<BusMessageType> = new Set<BusMessageType>([
  "INVITE_UPDATE",
  "INVITE_DELETE",
  "GUILD_MEMBER_ADD",
  "GUILD_MEMBER_REMOVE",
  "INVITE_PREVIEWS_STALE",
  "USER_SESSIONS_REVOKED",
]);

/** JSON-safe copy: bigint → decimal string, Date → ISO string. */
export function toWire(value: Data): Data {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)),
  ) as Data;
}

export function isBusMessage(value: unknown): value is BusMessage {
  const message = value as BusMessage;
  return (
    typeof message === "object" &&
    message !== null &&
    BUS_MESSAGE_TYPES.includes(message.type) &&
    typeof message.data === "object" &&
    message.data !== null
  );
}
