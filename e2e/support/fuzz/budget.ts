// Client-side rate-limit budget: pick a manager that still has room in the bucket, so
// most requests reach validation instead of a 429.
import { RATE_LIMITS, inviteCreateRule, type RateLimitRule } from "../../../lib/rate-limits";
import type { TestUser } from "../../fixtures";

export type Bucket = { key: string; limit: number; windowSeconds: number };

/** The server's own limits (lib/rate-limits.ts), as counters the client keeps. */
const asBucket = (rule: RateLimitRule): Bucket => ({
  key: rule.bucket,
  limit: rule.limit,
  windowSeconds: rule.windowSeconds,
});

export const BUCKETS = {
  get: asBucket(RATE_LIMITS.invites.get),
  accept: asBucket(RATE_LIMITS.invites.accept),
  delete: asBucket(RATE_LIMITS.invites.delete),
  list: asBucket(RATE_LIMITS.invites.list),
  vanityGet: asBucket(RATE_LIMITS.invites.vanityGet),
  vanityUpdate: asBucket(RATE_LIMITS.invites.vanityUpdate),
  create: (channelSegment: string): Bucket => asBucket(inviteCreateRule(channelSegment)),
} as const;

const GLOBAL: Bucket = asBucket(RATE_LIMITS.global);
const SAFETY = 0.8; // use 80% of each limit: the server's windows start when it sees a request, not when we send it
const SLACK_MS = 1000;

export type Usage = { user: TestUser; bucket: Bucket; count: number };

export class Budget {
  private readonly sent = new Map<string, number[]>();
  /** `used`: requests the users already made in these buckets (setup), so they count against the windows. */
  constructor(
    private readonly users: readonly TestUser[],
    used: readonly Usage[] = [],
  ) {
    const now = Date.now();
    for (const { user, bucket, count } of used)
      for (let i = 0; i < count; i++) this.record(user, bucket, now);
  }

  private room(user: TestUser, bucket: Bucket, now: number): number {
    const key = `${user.id}|${bucket.key}`;
    const recent = (this.sent.get(key) ?? []).filter(
      (at) => at > now - bucket.windowSeconds * 1000 - SLACK_MS,
    );
    this.sent.set(key, recent);
    return Math.max(1, Math.floor(bucket.limit * SAFETY)) - recent.length;
  }

  private record(user: TestUser, bucket: Bucket, now: number) {
    const key = `${user.id}|${bucket.key}`;
    this.sent.set(key, [...(this.sent.get(key) ?? []), now]);
  }

  /** A manager with room in the bucket; waits for a 10 s window to roll over, else takes one anyway (a 429 then). */
  async take(bucket: Bucket): Promise<TestUser> {
    const deadline = Date.now() + (bucket.windowSeconds <= 10 ? (bucket.windowSeconds + 2) * 1000 : 0);
    for (;;) {
      const now = Date.now();
      let best: TestUser | undefined;
      let bestRoom = 0;
      for (const user of this.users) {
        const room = Math.min(this.room(user, bucket, now), this.room(user, GLOBAL, now));
        if (room > bestRoom) [best, bestRoom] = [user, room];
      }
      if (best || now >= deadline) {
        const chosen = best ?? this.users[0]!;
        this.record(chosen, bucket, now);
        this.record(chosen, GLOBAL, now);
        return chosen;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
