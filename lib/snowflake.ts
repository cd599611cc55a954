// Snowflake ids (spec section 1): (ms since 2015-01-01 << 22) | (worker << 12) | sequence.

export const FLUXER_EPOCH = 1420070400000n;

let lastMs = -1n;
let sequence = 0n;
const worker = BigInt(Number(process.env.WORKER_ID ?? process.pid) & 0x3ff);

export function nextSnowflake(now: number = Date.now()): bigint {
  let ms = BigInt(now);
  if (ms < lastMs) ms = lastMs; // clock went backwards: never reuse an earlier timestamp
  if (ms === lastMs) {
    sequence = (sequence + 1n) & 0xfffn;
    if (sequence === 0n) ms = lastMs + 1n; // 4096 ids in one ms: borrow the next millisecond
  } else {
    sequence = 0n;
  }
  lastMs = ms;
  return ((ms - FLUXER_EPOCH) << 22n) | (worker << 12n) | sequence;
}

export function snowflakeTimestamp(id: bigint): Date {
  return new Date(Number((id >> 22n) + FLUXER_EPOCH));
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
