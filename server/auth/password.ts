// Password hashing with scrypt (memory-hard, built into Node: no native dependency to compile). A stored
// hash names its own parameters (`scrypt$N$r$p$salt$key`), so hashes made with an older, weaker cost still
// verify and are replaced on the next successful sign-in. Every hash runs in a hash slot (hash-slots.ts), on
// a hashing thread of lower priority (hash-worker.ts).
import { randomBytes, timingSafeEqual } from "node:crypto";
import { withHashSlot } from "./hash-slots";
import { scryptOnHashThread as scrypt } from "./hash-worker";
import { PRODUCTION_SCRYPT, scryptMaxmem, scryptParams, type ScryptParams } from "./password-settings";

async function derive(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = params;
  const key = await scrypt(password, salt, params.keyLength, { N, r, p, maxmem: scryptMaxmem(params) });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

type StoredHash = { params: ScryptParams; salt: Buffer; key: Buffer };

/** A stored hash, or null when it is missing or not one of ours (its parameters are bounded, too). */
export function parseStoredHash(stored: string | null | undefined): StoredHash | null {
  const parts = stored?.split("$");
  if (!parts || parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p), keyLength: 0 };
  const isPowerOfTwo =
    Number.isInteger(params.N) && params.N >= 2 && params.N <= 2 ** 20 && (params.N & (params.N - 1)) === 0;
  if (
    !isPowerOfTwo ||
    !Number.isInteger(params.r) ||
    params.r < 1 ||
    params.r > 32 ||
    !Number.isInteger(params.p) ||
    params.p < 1 ||
    params.p > 16
  )
    return null;
  const keyBytes = Buffer.from(key, "base64url");
  if (keyBytes.length < 16) return null;
  return {
    params: { ...params, keyLength: keyBytes.length },
    salt: Buffer.from(salt, "base64url"),
    key: keyBytes,
  };
}

/**
 * Whether a stored hash is to be replaced after a sign-in with the right password. At the production cost:
 * any hash not made with it (a weaker one, or one of an earlier production setting such as N=2^17 p=1 or
 * N=2^15 p=3, which need eight and two times the memory to check). On a test server's lowered cost: only a hash weaker than it, so a
 * production hash is never downgraded.
 */
export function needsRehash(stored: string, current: ScryptParams = scryptParams()): boolean {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const { N, r, p, keyLength } = parsed.params;
  if (N === current.N && r === current.r && p === current.p) return keyLength < current.keyLength;
  if (
    current.N === PRODUCTION_SCRYPT.N &&
    current.r === PRODUCTION_SCRYPT.r &&
    current.p === PRODUCTION_SCRYPT.p
  )
    return true;
  return N * r * p < current.N * current.r * current.p || keyLength < current.keyLength;
}

export async function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => derive(password, scryptParams()));
}

export type PasswordCheck = {
  isValid: boolean;
  /** A hash with the current parameters, when the password was right and the stored hash weaker: store it. */
  upgradedHash: string | null;
};

/**
 * Checks a password against a stored hash. With no usable hash (unknown email) it spends the time of a
 * real check anyway, so response timing does not reveal which emails have an account.
 */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
): Promise<PasswordCheck> {
  const parsed = parseStoredHash(stored);
  return withHashSlot(async () => {
    if (!parsed) {
      await derive(password, scryptParams());
      return { isValid: false, upgradedHash: null };
    }
    const { N, r, p } = parsed.params;
    const actual = await scrypt(password, parsed.salt, parsed.key.length, {
      N,
      r,
      p,
      maxmem: scryptMaxmem(parsed.params),
    });
    const isValid = actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
    const current = scryptParams();
    return {
      isValid,
      upgradedHash: isValid && needsRehash(stored!, current) ? await derive(password, current) : null,
    };
  });
}
