// Every rate limit of the app, in one table. A limit counts requests per identity (the signed-in user, else
// the client address) in a fixed window. The numbers are Fluxer's where Fluxer documents the route, so a
// client paced for Fluxer is never limited here. The server applies them (server/http/rate-limit.ts, with
// RATE_LIMIT_SCALE and RATE_LIMITS=off); the sign-in limits may be changed by SIGN_IN_* variables
// (server/auth/auth-limits.ts); the tests read the same table to pace themselves.

export type RateLimitRule = { bucket: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  /** Every request of one identity, on top of the route's own limit. */
  global: { bucket: "global", limit: 50, windowSeconds: 1 },
  invites: {
    get: { bucket: "invites:get", limit: 100, windowSeconds: 10 },
    accept: { bucket: "invites:accept", limit: 10, windowSeconds: 10 },
    delete: { bucket: "invites:delete", limit: 20, windowSeconds: 10 },
    // Edits are paced like revokes: both are a manager's writes to one invite.
    update: { bucket: "invites:update", limit: 20, windowSeconds: 10 },
    list: { bucket: "invites:list", limit: 40, windowSeconds: 10 },
    // Changes to a targeted invite's list (one id or up to 1000 at a time): paced like edits.
    targets: { bucket: "invites:targets", limit: 20, windowSeconds: 10 },
    vanityGet: { bucket: "vanity:get", limit: 100, windowSeconds: 10 },
    vanityUpdate: { bucket: "vanity:update", limit: 10, windowSeconds: 60 },
    // 404s of invite lookups and accepts (and landing pages) per client address; once used up, that address
    // gets 429 even for real codes, so codes can't be found by guessing.
    unknownCode: { bucket: "invites:unknown", limit: 30, windowSeconds: 60 },
  },
  guilds: {
    create: { bucket: "guilds:create", limit: 10, windowSeconds: 60 },
    auditLog: { bucket: "audit-log:list", limit: 40, windowSeconds: 10 },
    presence: { bucket: "guilds:presence", limit: 40, windowSeconds: 10 },
  },
  analytics: {
    // Invite analytics reads: a settings page asks for one invite or the guild's overview per view.
    invite: { bucket: "analytics:invite", limit: 40, windowSeconds: 10 },
    guild: { bucket: "analytics:guild", limit: 20, windowSeconds: 10 },
  },
  applications: {
    create: { bucket: "applications:create", limit: 10, windowSeconds: 60 },
  },
  gateway: {
    connect: { bucket: "gateway:connect", limit: 30, windowSeconds: 60 },
  },
  settings: {
    // The live vanity check of the settings page is debounced in the browser: a person typing stays far below.
    vanityAvailability: { bucket: "settings:vanity-availability", limit: 60, windowSeconds: 60 },
  },
  auth: {
    // Every sign-in attempt from one client address, whatever the account.
    address: { bucket: "auth:login", limit: 10, windowSeconds: 30 * 60 },
    // Failed attempts per normalized email, from any address; unknown emails are counted the same way.
    account: { bucket: "auth:login:account", limit: 5, windowSeconds: 15 * 60 },
    register: { bucket: "auth:register", limit: 10, windowSeconds: 60 },
    // Routes that end sessions: Fluxer's number for its session logout route; a password change re-hashes twice.
    logoutAll: { bucket: "auth:logout-all", limit: 20, windowSeconds: 10 },
    passwordChange: { bucket: "users:password", limit: 10, windowSeconds: 60 },
  },
} as const satisfies Record<string, RateLimitRule | Record<string, RateLimitRule>>;

/** Invite creation: 20 per minute per channel, the bucket named by the channel (`channelKey`). */
export function inviteCreateRule(channelKey: string): RateLimitRule {
  return { bucket: `invites:create:${channelKey}`, limit: 20, windowSeconds: 60 };
}

/**
 * Reading a guild's members: listing them, reading one, listing bans and searching all count against one
 * bucket per caller and guild (`guildKey`), as Fluxer's.
 */
export function guildMembersRule(guildKey: string): RateLimitRule {
  return { bucket: `guild:members:${guildKey}`, limit: 40, windowSeconds: 10 };
}
