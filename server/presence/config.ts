// Presence timing (docs/presence.md). A connection counts while its last_seen_at is younger
// than STALE_SECONDS; each instance refreshes its rows every HEARTBEAT_SECONDS, so a crashed instance's
// rows stop counting within a minute and the sweeper deletes them.
import { randomUUID } from "node:crypto";
import { processState } from "@/lib/process-state";

export const PRESENCE_STALE_SECONDS = 60;
export const PRESENCE_HEARTBEAT_SECONDS = 15;
/** How often each instance folds count deltas and removes due temporary members. */
export const MAINTENANCE_TICK_MS = 2500;
/** Stale connections are swept every this many ticks (about 5 s). */
export const STALE_SWEEP_EVERY_TICKS = 2;
/** A full check for users counted online with no fresh connection, every this many ticks (about 60 s). */
export const RECONCILE_EVERY_TICKS = 24;

const DEFAULT_GRACE_SECONDS = 10;
const MAX_GRACE_SECONDS = 30;

/** TEMP_MEMBER_GRACE_SECONDS: default 10, clamped to 0-30. */
export function temporaryMemberGraceSeconds(value = process.env.TEMP_MEMBER_GRACE_SECONDS): number {
  if (value === undefined || value.trim() === "") return DEFAULT_GRACE_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds)) return DEFAULT_GRACE_SECONDS;
  return Math.min(MAX_GRACE_SECONDS, Math.max(0, Math.round(seconds)));
}

const holder = processState<{ id: string }>("__fluxerInstance", () => ({ id: randomUUID() }));

/** Random per process: tells which instance holds a connection row (for logs and operations). */
export function instanceId(): string {
  return holder.id;
}
