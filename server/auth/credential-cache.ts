// What this instance remembers about users' credentials, for at most CACHE_MS: the session version of a
// user (browser sessions, session-version.ts) and the owner of an API token (tokens.ts). Checking either
// means a read per request; a burst of requests from the same clients then reads once.
//
// One way to forget, for both: a revocation drops the user's entries at once on the instance that made it
// and, through the event bus (USER_SESSIONS_REVOKED), on every other, so it holds everywhere on the next
// request: log out everywhere and a password change (every session and user token of the user), and the
// log-out of one token (the message then says so, and the user's other sessions and streams are untouched).
// As with the invite preview cache: nothing is stored while the bus is disconnected, everything is dropped
// when its connection is lost (a drop may have been missed), and a read that raced with a drop is not stored.
import { processState } from "@/lib/process-state";
import { eventBus } from "@/server/events/bus";
import type { BusMessage } from "@/server/events/types";

/** How long an entry may be trusted without the bus: the upper bound on a missed revocation. */
export const CACHE_MS = 5000;
const MAX_ENTRIES = 10_000;

type Entry<V> = { value: V; userId: string; loadedAt: number };
type State = {
  versions: Map<string, Entry<number>>;
  tokens: Map<string, Entry<unknown>>;
  drops: number;
  subscribed: boolean;
};

// One per process (Next may load this module in several bundles).
const state = processState<State>("__fluxerCredentialCache", () => ({
  versions: new Map(),
  tokens: new Map(),
  drops: 0,
  subscribed: false,
}));

function subscribeOnce() {
  if (state.subscribed) return;
  state.subscribed = true;
  const bus = eventBus();
  bus.subscribe(onBusMessage);
  bus.onConnectionLost(clearCredentialCache);
}

/** Drops what a bus message makes stale. Called for every message; for local ones before they are sent. */
export function onBusMessage(message: Pick<BusMessage, "type" | "userId">): void {
  if (message.type !== "USER_SESSIONS_REVOKED" || message.userId === null) return;
  state.drops += 1;
  state.versions.delete(message.userId);
  for (const [key, entry] of state.tokens) if (entry.userId === message.userId) state.tokens.delete(key);
}

export function clearCredentialCache(): void {
  state.drops += 1;
  state.versions.clear();
  state.tokens.clear();
}

export type CacheKind = "versions" | "tokens";

/** A fresh entry, or undefined. */
export function cached<V>(kind: CacheKind, key: string, now = Date.now()): V | undefined {
  subscribeOnce();
  const entry = state[kind].get(key);
  return entry && now - entry.loadedAt < CACHE_MS ? (entry.value as V) : undefined;
}

/** Marks the start of a read: pass it to `remember`, which stores nothing if a drop or a reconnect came in between. */
export function readMark(): { drops: number; generation: number | null } {
  subscribeOnce();
  return { drops: state.drops, generation: eventBus().liveGeneration() };
}

export function remember<V>(
  kind: CacheKind,
  key: string,
  userId: bigint,
  value: V,
  mark: ReturnType<typeof readMark>,
  now = Date.now(),
): void {
  const map = state[kind] as Map<string, Entry<V>>;
  if (
    mark.generation === null ||
    state.drops !== mark.drops ||
    eventBus().liveGeneration() !== mark.generation
  )
    return;
  map.delete(key); // re-inserted last: eviction takes the oldest
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, { value, userId: userId.toString(), loadedAt: now });
}

export function forget(kind: CacheKind, key: string): void {
  state[kind].delete(key);
}
