// What the guild page opens on and whether it greets the viewer: pure decisions, tested on their own.
import { ChannelType, JoinSourceType } from "./constants";

/** How long after joining with an invite the guild page still says "You joined". */
export const JOINED_GREETING_MINUTES = 10;

/**
 * The channel the page opens on: the requested one when the viewer can see it, else the first text
 * channel in the guild's order, else the first channel, else none. `channels` are the visible ones in order.
 */
export function pickOpenChannel<T extends { id: string; type: number }>(
  channels: readonly T[],
  requested: string | null,
): T | null {
  return (
    channels.find((c) => c.id === requested) ??
    channels.find((c) => c.type === ChannelType.GUILD_TEXT) ??
    channels[0] ??
    null
  );
}

/** Whether a membership is one that an invite (or the vanity URL) made in the last few minutes. */
export function isFreshInviteJoin(
  membership: { joinedAt: Date; joinSourceType: number },
  now: number,
): boolean {
  const viaInvite =
    membership.joinSourceType === JoinSourceType.INSTANT_INVITE ||
    membership.joinSourceType === JoinSourceType.VANITY_URL;
  const age = now - membership.joinedAt.getTime();
  return viaInvite && age >= -60_000 && age < JOINED_GREETING_MINUTES * 60_000;
}
