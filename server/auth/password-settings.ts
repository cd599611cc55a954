// How passwords are hashed, and how many hashes may run at once.
//
// scrypt with OWASP's parameters (N=2^17, r=8, p=1): about 260 ms of CPU and 128 MiB of memory per hash on
// a 2-core server. A flood of sign-ins would otherwise fill the CPU and memory; hash-slots.ts lets
// PASSWORD_HASH_CONCURRENCY hashes run (1 by default: one core stays free for everything else) with at most
// PASSWORD_HASH_QUEUE more waiting, and refuses the rest with 503 at once. They run on hashing threads of a
// lower CPU priority (hash-worker.ts, PASSWORD_HASH_NICE).
//
// INSECURE_TEST_PASSWORD_HASH_N is for test servers only, which register hundreds of users: it lowers N
// (a power of two from 2^14 to 2^16). Anything else, below 2^14 included, is ignored and the production
// cost applies. Hashes made with a lower N are upgraded on the user's next successful sign-in wherever the
// production cost is in force.
import { log } from "@/server/log";
import { boundedInteger } from "./auth-limits";

type Env = Record<string, string | undefined>;

export type ScryptParams = { N: number; r: number; p: number; keyLength: number };

export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 };
export const MIN_SCRYPT_N = 2 ** 14;

let warned = false;

/** The parameters new hashes are made with. */
export function scryptParams(env: Env = process.env): ScryptParams {
  const value = env.INSECURE_TEST_PASSWORD_HASH_N;
  if (value === undefined || value.trim() === "") return PRODUCTION_SCRYPT;
  const n = Number(value);
  const isPowerOfTwo = Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (isPowerOfTwo && n >= MIN_SCRYPT_N && n < PRODUCTION_SCRYPT.N) return { ...PRODUCTION_SCRYPT, N: n };
  if (!warned) {
    warned = true;
    log.warn("INSECURE_TEST_PASSWORD_HASH_N ignored: the production cost applies", {
      value,
      allowed: `a power of two from ${MIN_SCRYPT_N} to ${PRODUCTION_SCRYPT.N / 2}`,
    });
  }
  return PRODUCTION_SCRYPT;
}

/** Memory scrypt may use: its need (128·N·r·p bytes) with room to spare; Node refuses above 32 MiB by default. */
export function scryptMaxmem(params: Pick<ScryptParams, "N" | "r" | "p">): number {
  return 256 * params.N * params.r * params.p;
}

/** PASSWORD_HASH_CONCURRENCY: hashes running at once per instance; default 1, 1-16. */
export function hashConcurrency(env: Env = process.env): number {
  return boundedInteger(env.PASSWORD_HASH_CONCURRENCY, 1, 1, 16);
}

/** PASSWORD_HASH_QUEUE: hashes waiting for a turn per instance before new ones are refused; default 8, 0-1000. */
export function hashQueueLimit(env: Env = process.env): number {
  return boundedInteger(env.PASSWORD_HASH_QUEUE, 8, 0, 1000);
}
