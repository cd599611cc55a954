// The one table of sign-in and registration limits. Every way to sign in reads it: the Auth.js credentials
// callback (its `authorize` hook, which the login form's server action goes through too) and
// POST /api/v1/auth/login; registration by form and by API shares `register`. The counters live in the
// rate-limit store (Redis when REDIS_URL is set), so the limits hold across instances.
//
// - address: every sign-in attempt from one client address, whatever the account (stops one machine from
//   trying many accounts, and a flood of attempts before any password is hashed).
// - account: failed attempts per normalized email, from any address. Once used up, even the right password
//   is refused until the window has passed (stops a botnet guessing one account's password). Unknown
//   emails are counted the same way, so the answers never tell which emails have an account.
//
// Fluxer's numbers: 10 attempts per address in 30 minutes, 5 per email in 15 minutes. The SIGN_IN_* variables
// change them (tests use short windows); RATE_LIMIT_SCALE and RATE_LIMITS=off apply as to every other limit.
import { createHash } from "node:crypto";
import { RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limits";

type Env = Record<string, string | undefined>;

const DEFAULTS = RATE_LIMITS.auth;

export type AuthLimits = Record<keyof typeof DEFAULTS, RateLimitRule>;

/** A whole number from `value` within [min, max], else `fallback` (unset, empty or not a number). */
export function boundedInteger(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (!Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, Math.round(number)));
}

const DAY_SECONDS = 24 * 60 * 60;

/** The limits now (read from the environment on each call: cheap, and tests of the parsing need no reload). */
export function authLimits(env: Env = process.env): AuthLimits {
  return {
    address: {
      ...DEFAULTS.address,
      limit: boundedInteger(env.SIGN_IN_ADDRESS_LIMIT, DEFAULTS.address.limit, 1, 10_000),
      windowSeconds: boundedInteger(
        env.SIGN_IN_ADDRESS_WINDOW_SECONDS,
        DEFAULTS.address.windowSeconds,
        1,
        DAY_SECONDS,
      ),
    },
    account: {
      ...DEFAULTS.account,
      limit: boundedInteger(env.SIGN_IN_ACCOUNT_LIMIT, DEFAULTS.account.limit, 1, 1000),
      windowSeconds: boundedInteger(
        env.SIGN_IN_ACCOUNT_WINDOW_SECONDS,
        DEFAULTS.account.windowSeconds,
        1,
        DAY_SECONDS,
      ),
    },
    register: DEFAULTS.register,
    logoutAll: DEFAULTS.logoutAll,
    passwordChange: DEFAULTS.passwordChange,
  };
}

/** The counter key of a client address (the same key the route wrapper counts an anonymous caller under). */
export function addressKey(ip: string): string {
  return `ip:${ip}`;
}

/** The counter key of an account: a hash of the normalized email, so the store never holds addresses. */
export function accountKey(email: string): string {
  return `email:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32)}`;
}
