// The sign-in throttles of auth-limits.ts, applied in the same order on every way to sign in: the client
// address is counted first (every attempt), then the account is checked (failures only). A refusal costs
// a counter lookup, never a password hash.
import { hit, isExhausted, rateLimitedError, type RateLimitResult } from "@/server/http/rate-limit";
import { accountKey, addressKey, authLimits } from "./auth-limits";

/** Counts one sign-in attempt from `ip`; `allowed` is false once the address has used up its attempts. */
export async function countAddressAttempt(ip: string): Promise<RateLimitResult> {
  return hit(authLimits().address, addressKey(ip));
}

/** Throws 429 RATE_LIMITED while the account (normalized email) has used up its failed attempts. */
export async function refuseLockedAccount(email: string): Promise<void> {
  const exhausted = await isExhausted(authLimits().account, accountKey(email));
  if (exhausted) throw rateLimitedError(exhausted, false);
}

/** Counts one failed attempt against the account (known or not). */
export async function countAccountFailure(email: string): Promise<void> {
  await hit(authLimits().account, accountKey(email));
}
