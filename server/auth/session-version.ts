// Revocable browser sessions. A browser session is a signed JWT that nothing stores, so each user has a
// session version (users.session_version): a JWT carries the version it was signed in under, and the
// Auth.js jwt callback ends every session whose version is no longer the user's (next-auth.ts). Log out
// everywhere and a password change raise it (server/users/end-sessions.ts). JWTs from before versions
// existed carry none: they count as version 0, the column's default, and keep working until the first raise.
//
// Checking means a read per request, so each instance keeps the current version of recently seen users for
// at most CACHE_MS. A raise drops the user's entry at once on the instance that made it and, through the
// event bus (USER_SESSIONS_REVOKED), on every other, so the revocation holds everywhere on the next request.
// As with the invite preview cache: nothing is stored while the bus is disconnected, everything is dropped
// when its connection is lost (a drop may have been missed), and a read that raced with a drop is not stored.
import { db } from "@/server/db";
import { eventBus } from "@/server/events/bus";
import type { BusMessage } from "@/server/events/types";

/** How long a cached version may be trusted without the bus: the upper bound on a missed revocation. */
export const CACHE_MS = 5000;
const MAX_ENTRIES = 10_000;

type Entry = { version: number; loadedAt: number };
type State = { entries: Map<string, Entry>; drops: number; subscribed: boolean };

// One per process (Next may load this module in several bundles).
const state = ((globalThis as Record<string, unknown>).__fluxerSessionVersions ??= { entries: new Map(), drops: 0, subscribed: false }) as State;

function subscribeOnce() {
  if (state.subscribed) return;
  state.subscribed = true;
  const bus = eventBus();
  bus.subscribe(onBusMessage);
  bus.onConnectionLost(clearSessionVersions);
}

/** Drops what a bus message makes stale. Called for every message; for local ones before they are sent. */
export function onBusMessage(message: Pick<BusMessage, "type" | "userId">): void {
  if (message.type !== "USER_SESSIONS_REVOKED" || message.userId === null) return;
  state.drops += 1;
  state.entries.delete(message.userId);
}

export function clearSessionVersions(): void {
  state.drops += 1;
  state.entries.clear();
}

/** The user's session version now, or null when the user no longer exists or is a bot (no browser sessions). */
export async function currentSessionVersion(userId: bigint, now = Date.now()): Promise<number | null> {
  subscribeOnce();
  const key = userId.toString();
  const cached = state.entries.get(key);
  if (cached && now - cached.loadedAt < CACHE_MS) return cached.version;
  const dropsBefore = state.drops;
  const generation = eventBus().liveGeneration();
  const user = await (await db()).user.findUnique({ where: { id: userId }, select: { sessionVersion: true, isBot: true } });
  if (!user || user.isBot) {
    state.entries.delete(key);
    return null;
  }
  if (generation !== null && state.drops === dropsBefore && eventBus().liveGeneration() === generation) {
    state.entries.delete(key); // re-inserted last: eviction takes the oldest
    if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
    state.entries.set(key, { version: user.sessionVersion, loadedAt: now });
  }
  return user.sessionVersion;
}

/** Whether a session that carries `tokenVersion` (undefined in JWTs from before versions) is still valid. */
export function isSessionCurrent(tokenVersion: unknown, currentVersion: number | null): boolean {
  if (currentVersion === null) return false;
  const carried = tokenVersion === undefined ? 0 : tokenVersion;
  return typeof carried === "number" && carried === currentVersion;
}
