// Snowflake ids, laid out as Fluxer's: (ms since 2015-01-01 << 22) | (worker << 12) | sequence.
import { processState } from "@/lib/process-state";

export const FLUXER_EPOCH = 1420070400000n;

// One counter per process, kept on globalThis: Next bundles this module once per server layer (route
// handlers, server actions and pages, instrumentation), and copies counting on their own drew the same id
// whenever two layers made one in the same millisecond (an API register and a register form at once: a
// duplicate users_pkey, answered 500). The worker bits are the same in every copy, so only a shared
// sequence keeps ids apart.
// The worker bits live there too: on PostgreSQL each instance leases a worker id of its own at start
// (server/db/snowflake-worker.ts), and every copy must use the leased one.
type Counter = { lastMs: bigint; sequence: bigint; worker: bigint };
const counter = processState<Counter>("__fluxerSnowflake", () => ({
  lastMs: -1n,
  sequence: 0n,
  // Until a worker id is leased (or outside Node.js, where there is no process): WORKER_ID, else the pid.
  worker: BigInt(Number(typeof process === "undefined" ? 0 : (process.env.WORKER_ID ?? process.pid)) & 0x3ff),
}));

/** Uses `workerId` (0-1023) for every id made from now on. */
export function setSnowflakeWorker(workerId: number) {
  counter.worker = BigInt(workerId & 0x3ff);
}

export function nextSnowflake(now: number = Date.now()): bigint {
  let ms = BigInt(now);
  if (ms < counter.lastMs) ms = counter.lastMs; // clock went backwards: never reuse an earlier timestamp
  if (ms === counter.lastMs) {
    counter.sequence = (counter.sequence + 1n) & 0xfffn;
    if (counter.sequence === 0n) ms = counter.lastMs + 1n; // 4096 ids in one ms: borrow the next millisecond
  } else {
    counter.sequence = 0n;
  }
  counter.lastMs = ms;
  return ((ms - FLUXER_EPOCH) << 22n) | (counter.worker << 12n) | counter.sequence;
}

export function snowflakeTimestamp(id: bigint): Date {
  return new Date(Number((id >> 22n) + FLUXER_EPOCH));
}

/** Ids in ascending order, as the strings the API writes them as. */
export function ascendingIds(ids: bigint[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

/** Parses an inbound id (string or integer); returns null when it is not a valid snowflake. */
export function parseSnowflake(value: unknown): bigint | null {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value <= 0) return null;
    return BigInt(value);
  }
  if (typeof value !== "string" || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  // Stored in PostgreSQL BIGINT (signed): anything above 2^63-1 can't be an id of ours.
  return id <= 0x7fffffffffffffffn ? id : null;
}
