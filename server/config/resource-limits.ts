// How much one instance lets the outside world hold at once. Each bound has a variable (README, docs/security.md)
// and a clean answer past it: 429 when one client holds too much, 503 with Retry-After when the instance as a
// whole is full. Read once per process; a value that isn't a whole number in range falls back to the default
// with a warning, so a typo can't remove a bound.
import { log } from "@/server/log";

export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  log.warn("ignoring an invalid limit", {
    variable: name,
    value: raw.slice(0, 40),
    default: fallback,
    min,
    max,
  });
  return fallback;
}

export type ResourceLimits = {
  /** Open event streams on this instance, signed in or not. */
  eventStreams: number;
  /** Open anonymous (guild counts only) event streams on this instance. */
  anonymousEventStreams: number;
  /** Open event streams of one signed-in user on this instance. */
  eventStreamsPerUser: number;
  /** Open anonymous event streams from one client address on this instance. */
  eventStreamsPerAddress: number;
  /** Event-stream requests let through to the route per second (a token bucket with as many in reserve). */
  eventStreamOpensPerSecond: number;
  /** Largest JSON request body the API reads, in bytes. */
  requestBodyBytes: number;
  /** Rate-limit windows kept in memory (without Redis, or while Redis is unreachable). */
  rateLimitKeys: number;
  /** Invites whose landing pages are kept in memory (about 70 KB each: two URL forms, plain and gzipped); 0 keeps none. */
  landingPages: number;
};

let cached: ResourceLimits | undefined;

export function resourceLimits(): ResourceLimits {
  cached ??= {
    eventStreams: intFromEnv("MAX_EVENT_STREAMS", 1000, 1, 100_000),
    anonymousEventStreams: intFromEnv("MAX_ANONYMOUS_EVENT_STREAMS", 300, 0, 100_000),
    eventStreamsPerUser: intFromEnv("MAX_EVENT_STREAMS_PER_USER", 16, 1, 1000),
    eventStreamsPerAddress: intFromEnv("MAX_EVENT_STREAMS_PER_ADDRESS", 8, 1, 1000),
    eventStreamOpensPerSecond: intFromEnv("MAX_EVENT_STREAM_OPENS_PER_SECOND", 50, 1, 100_000),
    requestBodyBytes: intFromEnv("MAX_REQUEST_BODY_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
    rateLimitKeys: intFromEnv("MAX_RATE_LIMIT_KEYS", 200_000, 1000, 10_000_000),
    landingPages: intFromEnv("MAX_LANDING_PAGES", 200, 0, 100_000),
  };
  return cached;
}
