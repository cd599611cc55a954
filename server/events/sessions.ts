// The streams this instance holds, kept on globalThis because Next may load this module more than once.

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

const state = ((globalThis as Record<string, unknown>).__fluxerGatewaySessions ??= { sessions: new Map() }) as {
  sessions: Map<bigint, StreamSession>;
};

export function addSession(session: StreamSession) {
  state.sessions.set(session.id, session);
}

export function removeSession(id: bigint) {
  state.sessions.delete(id);
}

export function allSessions(): StreamSession[] {
  return [...state.sessions.values()];
}

export function openSessionCount(identity: string): number {
  let count = 0;
  for (const session of state.sessions.values()) if (session.identity === identity) count += 1;
  return count;
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
