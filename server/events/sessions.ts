// The streams this instance holds, kept on globalThis because Next may load this module more than once.
import { processState } from "@/lib/process-state";

export type StreamSession = {
  id: bigint;
  /** null for an anonymous stream (guild counts only; never counted as presence). */
  userId: bigint | null;
  /** "user:<id>" or "ip:<address>": the open-stream cap counts per identity. */
  identity: string;
  /** Guilds whose GUILD_COUNTS_UPDATE this stream follows, with the last counts sent (to skip repeats). */
  countGuilds: Map<bigint, string>;
  /** Writes one event; false when the stream is gone. */
  send(type: string, data: unknown): boolean;
  /** Writes a `: ping` comment; false when the stream is gone. */
  ping(): boolean;
  /** Ends the stream and releases its presence (idempotent). */
  close(): void;
};

const state = processState<{
  sessions: Map<bigint, StreamSession>;
  /** Stream slots taken, counted when a stream is admitted (before its first await) and given back when it ends. */
  held: { total: number; anonymous: number; byIdentity: Map<string, number> };
}>("__fluxerGatewaySessions", () => ({
  sessions: new Map(),
  held: { total: 0, anonymous: 0, byIdentity: new Map() },
}));

export type StreamSlotLimits = { total: number; anonymous: number; perIdentity: number };

/**
 * Takes a slot for a new stream of `identity`, or says which bound is full. Synchronous, so a burst of
 * connections can't all pass the check before any of them is counted.
 */
export function reserveStreamSlot(
  identity: string,
  isAnonymous: boolean,
  limits: StreamSlotLimits,
): "ok" | "identity-full" | "instance-full" {
  const held = state.held;
  if ((held.byIdentity.get(identity) ?? 0) >= limits.perIdentity) return "identity-full";
  if (held.total >= limits.total || (isAnonymous && held.anonymous >= limits.anonymous))
    return "instance-full";
  held.total += 1;
  if (isAnonymous) held.anonymous += 1;
  held.byIdentity.set(identity, (held.byIdentity.get(identity) ?? 0) + 1);
  return "ok";
}

/** Gives back a slot taken by reserveStreamSlot (the stream ended, or was refused after the reservation). */
export function releaseStreamSlot(identity: string, isAnonymous: boolean) {
  const held = state.held;
  held.total = Math.max(0, held.total - 1);
  if (isAnonymous) held.anonymous = Math.max(0, held.anonymous - 1);
  const left = (held.byIdentity.get(identity) ?? 1) - 1;
  if (left > 0) held.byIdentity.set(identity, left);
  else held.byIdentity.delete(identity);
}

export function streamSlotsHeldBy(identity: string): number {
  return state.held.byIdentity.get(identity) ?? 0;
}

export function streamSlotsInUse(): { total: number; anonymous: number } {
  return { total: state.held.total, anonymous: state.held.anonymous };
}

export function addSession(session: StreamSession) {
  state.sessions.set(session.id, session);
}

export function removeSession(id: bigint) {
  state.sessions.delete(id);
}

export function allSessions(): StreamSession[] {
  return [...state.sessions.values()];
}

/** Authenticated sessions grouped by user. */
export function sessionsByUser(): Map<bigint, StreamSession[]> {
  const byUser = new Map<bigint, StreamSession[]>();
  for (const session of state.sessions.values()) {
    if (session.userId === null) continue;
    const list = byUser.get(session.userId);
    if (list) list.push(session);
    else byUser.set(session.userId, [session]);
  }
  return byUser;
}
