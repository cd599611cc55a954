// Settings every test server shares (the suite's server in playwright.config.ts and the private instances
// of e2e/security/support/instance.ts), kept in one place.

/** The secret that signs the test servers' browser sessions (tests that mint a session cookie need it too). */
export const TEST_AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";

/**
 * Invite analytics reach the database every 200 ms on test servers (10 s in production), so tests wait on the
 * counts they expect for a moment rather than for ten seconds.
 */
export const TEST_ANALYTICS: Record<string, string> = { ANALYTICS_FLUSH_MS: "200" };

/**
 * Password hashing on test servers: they register hundreds of users, often dozens at once, so the scrypt
 * cost is lowered to N=2^14, p=1 (a test-only setting; the production cost is N=2^14, p=5), the hash queue is long and
 * hashes run at the requests' priority.
 * A test of the production settings starts a private instance with both set to "".
 */
export const TEST_PASSWORD_HASHING: Record<string, string> = {
  INSECURE_TEST_PASSWORD_HASH_N: "16384",
  PASSWORD_HASH_QUEUE: "1000",
  // Hashes at the requests' own CPU priority: on a machine shared with other suites, a lowered one can stretch
  // a few sign-ins past a throttle window of seconds that a test waits out. The lowered priority itself is
  // checked by server/auth/hash-worker.test.ts and its effect measured by the benchmark.
  PASSWORD_HASH_NICE: "0",
};
