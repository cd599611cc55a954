// How passwords are hashed, and how many hashes may run at once.
//
// scrypt at N=2^14, r=8, p=5: one of the settings OWASP lists as equal in strength (N=2^17 r=8 p=1, 2^16/8/2,
// 2^15/8/3, 2^14/8/5, 2^13/8/10), picked for its memory: 16 MiB per hash where N=2^17, p=1 takes 128 MiB, for
// about 170 ms of CPU on a 2-core server. The memory of a hash is the server's peak (it runs beside the app's
// own, and the embedded database's in the same process), so the setting that needs least of it before p grows
// to 10 is the one kept. A flood of sign-ins would otherwise fill the CPU and memory; hash-slots.ts lets
// PASSWORD_HASH_CONCURRENCY hashes run (1 by default: one core stays free for everything else) with at most
// PASSWORD_HASH_QUEUE more waiting, and refuses the rest with 503 at once. They run on hashing threads of a
// lower CPU priority (hash-worker.ts, PASSWORD_HASH_NICE).
//
// INSECURE_TEST_PASSWORD_HASH_N is for test servers only, which register hundreds of users: it sets N to a
// power of two from 2^14 up to the production N, with p=1. Anything else, below 2^14 included, is ignored and
// the production cost applies. A hash made with any other setting (a test server's, or an earlier production
// setting: N=2^17 p=1, N=2^15 p=3) is replaced on the user's next successful sign-in wherever the production
// cost is in force.
import { log } from "@/server/log";
import { boundedInteger } from "./auth-limits";

type Env = Record<string, string | undefined>;

export type ScryptParams = { N: number; r: number; p: number; keyLength: number };

export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 5, keyLength: 64 };
export const MIN_SCRYPT_N = 2 ** 14;

let warned = false;

/** The parameters new hashes are made with. */
export function scryptParams(env: Env = process.env): ScryptParams {
  const value = env.INSECURE_TEST_PASSWORD_HASH_N;
  if (value === undefined || value.trim() === "") return PRODUCTION_SCRYPT;
  const n = Number(value);
  const isPowerOfTwo = Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
  if (isPowerOfTwo && n >= MIN_SCRYPT_N && n <= PRODUCTION_SCRYPT.N)
    return { ...PRODUCTION_SCRYPT, N: n, p: 1 };
  if (!warned) {
    warned = true;
    log.warn("INSECURE_TEST_PASSWORD_HASH_N ignored: the production cost applies", {
      value,
      allowed: `a power of two from ${MIN_SCRYPT_N} to ${PRODUCTION_SCRYPT.N}`,
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
