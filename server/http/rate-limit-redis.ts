// Shared rate-limit counters in Redis (REDIS_URL), so several app instances enforce one limit.
// One round trip per hit: INCR, and PEXPIRE on the window's first request, in a Lua script (atomic).
// If Redis is unreachable the limiter falls back to this process's memory for that request rather than
// failing the request: a short outage of the limiter must not take the API down.
import { errorMessage } from "@/lib/error-message";
import { log } from "@/server/log";
import type { RateLimitStore, WindowState } from "./rate-limit";

const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

type Pipeline = {
  get(key: string): Pipeline;
  pttl(key: string): Pipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
};
type RedisClient = {
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  multi(): Pipeline;
};

export function createRedisStore(url: string, fallback: RateLimitStore): RateLimitStore {
  let client: Promise<RedisClient> | undefined;
  let lastWarning = 0;
  const connect = () =>
    (client ??= import("ioredis").then(({ default: Redis }) => {
      // Commands wait (queued) while the connection is being made, e.g. the first requests after start,
      // but never longer than commandTimeout: then this request falls back to process memory.
      const redis = new Redis(url, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
        connectTimeout: 2000,
        commandTimeout: 1000,
      });
      redis.on("error", (error: Error) => warn(error));
      return redis;
    }));
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    log.warn("rate-limit store unreachable; using process memory", {
      error: errorMessage(error),
    });
  };
  const key = (name: string) => `fluxer:rl:${name}`;
  return {
    async increment(name, windowMs, now): Promise<WindowState> {
      try {
        const redis = await connect();
        const [count, ttl] = (await redis.eval(INCREMENT, 1, key(name), windowMs)) as [number, number];
        return { count: Number(count), resetAtMs: now + Number(ttl) };
      } catch (error) {
        warn(error);
        return fallback.increment(name, windowMs, now);
      }
    },
    async peek(name, now): Promise<WindowState | null> {
      try {
        const redis = await connect();
        const result = await redis.multi().get(key(name)).pttl(key(name)).exec();
        const count = Number(result?.[0]?.[1] ?? 0);
        const ttl = Number(result?.[1]?.[1] ?? -2);
        return count > 0 && ttl > 0 ? { count, resetAtMs: now + ttl } : null;
      } catch (error) {
        warn(error);
        return fallback.peek(name, now);
      }
    },
  };
}
